export { PRICE_TABLE, PRICES_AS_OF, priceFor, requirePrice, costUsd, type ModelPrice, type TokenUsage } from "./price-table";
export { loadTokenCounter, type TokenCounter } from "./token-counter";
export { forecastCost, addForecasts, type CostForecast, type PlannedRequest } from "./cost-forecast";
export { CostBudget, type Reservation } from "./cost-budget";
export { costByStep, totalCost, type StepCost } from "./cost-report";
