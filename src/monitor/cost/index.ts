export { PRICE_TABLE, PRICES_AS_OF, priceFor, requirePrice, costUsd, BATCH_DISCOUNT, type ModelPrice, type TokenUsage, type PriceTier } from "./price-table";
export { loadTokenCounter, type TokenCounter } from "./token-counter";
export { forecastCost, addForecasts, type CostForecast, type PlannedRequest } from "./cost-forecast";
export { CostBudget, type Reservation } from "./cost-budget";
export { costByStep, totalCost, type StepCost } from "./cost-report";
