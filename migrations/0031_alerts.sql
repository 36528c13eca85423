-- Alerts raised by the monitor. One alert per rule per run and kind (firing/resolved): the
-- unique key is what stops a storm when a run is evaluated twice.
CREATE TABLE alerts (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule       text NOT NULL,
  scope      text NOT NULL,
  run_id     text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('firing', 'resolved')),
  severity   text NOT NULL CHECK (severity IN ('warning', 'critical')),
  message    text NOT NULL,
  details    jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (rule, run_id, kind)
);

CREATE INDEX alerts_scope_rule_idx ON alerts (scope, rule, id);

-- Delivery of each alert to each channel: an alert that could not be delivered stays here as
-- 'failed' with its attempts and last error until a later delivery succeeds.
CREATE TABLE alert_deliveries (
  alert_id        bigint NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  channel         text NOT NULL,
  state           text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  last_error      text,
  last_attempt_at timestamptz,
  delivered_at    timestamptz,
  PRIMARY KEY (alert_id, channel)
);
