-- Outbound endpoints and their subscriptions (docs/reference/http-api.md, "Outbound endpoints").
-- Deliveries are jobs of kind 'outbound' whose target is the endpoint id. Subscriptions are
-- deleted with their endpoint by the store (no foreign key: SQLite enforces none by default).
CREATE TABLE outbound_endpoints (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  description TEXT,
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_secret_expires_at INTEGER,
  status TEXT NOT NULL,
  failing_since INTEGER,
  disabled_reason TEXT,
  metadata TEXT NOT NULL,
  headers TEXT NOT NULL,
  rate_limit REAL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  retry_policy TEXT
);
CREATE INDEX outbound_endpoints_source ON outbound_endpoints (source, id);

CREATE TABLE outbound_subscriptions (
  id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  filter TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX outbound_subscriptions_type ON outbound_subscriptions (endpoint_id, event_type);
