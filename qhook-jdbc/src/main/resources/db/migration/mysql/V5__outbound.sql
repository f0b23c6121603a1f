-- Outbound endpoints and their subscriptions (docs/reference/http-api.md, "Outbound endpoints"),
-- for MySQL 8.0+ and MariaDB 10.6+, in the style of V1 (ids and names VARBINARY, compared byte for
-- byte). Deliveries are jobs of kind 'outbound' whose target is the endpoint id. Subscriptions are
-- deleted with their endpoint by the store. Event-type patterns are at most 255 characters
-- (1020 bytes), so the unique index stays under InnoDB's 3072-byte key limit.
CREATE TABLE outbound_endpoints (
  id VARBINARY(255) NOT NULL PRIMARY KEY,
  source VARBINARY(255) NOT NULL,
  url TEXT NOT NULL,
  description TEXT,
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_secret_expires_at BIGINT,
  status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  failing_since BIGINT,
  disabled_reason VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin,
  metadata LONGTEXT NOT NULL,
  headers LONGTEXT NOT NULL,
  rate_limit DOUBLE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  retry_policy LONGTEXT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX outbound_endpoints_source ON outbound_endpoints (source, id);

CREATE TABLE outbound_subscriptions (
  id VARBINARY(255) NOT NULL PRIMARY KEY,
  endpoint_id VARBINARY(255) NOT NULL,
  event_type VARBINARY(1024) NOT NULL,
  filter LONGTEXT,
  created_at BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE UNIQUE INDEX outbound_subscriptions_type ON outbound_subscriptions (endpoint_id, event_type);
