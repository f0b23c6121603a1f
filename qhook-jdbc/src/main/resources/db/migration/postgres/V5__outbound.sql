-- Outbound endpoints and their subscriptions (docs/reference/http-api.md, "Outbound endpoints").
-- Deliveries are jobs of kind 'outbound' whose target is the endpoint id. Subscriptions are
-- deleted with their endpoint by the store (no foreign key: kept alike on every database).
CREATE TABLE outbound_endpoints (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  description TEXT,
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_secret_expires_at BIGINT,
  status TEXT NOT NULL,
  failing_since BIGINT,
  disabled_reason TEXT,
  metadata TEXT NOT NULL,
  headers TEXT NOT NULL,
  rate_limit DOUBLE PRECISION,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  retry_policy TEXT
);
CREATE INDEX outbound_endpoints_source ON outbound_endpoints (source, id);

CREATE TABLE outbound_subscriptions (
  id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  filter TEXT,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX outbound_subscriptions_type ON outbound_subscriptions (endpoint_id, event_type);
