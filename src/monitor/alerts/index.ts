export { AlertManager, createAlertManager, type AlertManagerOptions, type CreateAlertManagerExtras, type EvaluationResult, type UndeliveredAlert } from "./alert-manager";
export { ConsoleChannel, WebhookChannel, formatAlert, type AlertChannel, type AlertMessage, type DeliveryResult, type WebhookChannelOptions } from "./channels";
export { defaultRules, readRunFacts, type AlertRule, type AlertSeverity, type RuleThresholds, type RunFacts } from "./rules";
