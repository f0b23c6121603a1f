-- qhook schema 1 for MySQL 8.0+ and MariaDB 10.6+ (InnoDB, utf8mb4). Times are epoch milliseconds.
-- Names, keys and ids are VARBINARY (UTF-8 bytes): compared byte for byte, as on PostgreSQL and
-- SQLite, where a case-insensitive or PAD SPACE collation would make 'a', 'A' and 'a ' one key.
-- Their lengths keep every index under InnoDB's 3072-byte key limit and bound what the store
-- refuses ("Data too long"): ingest already caps event types and ordering keys at 256 characters
-- (1024 bytes) and stores idempotency keys over 200 characters as their SHA-256.
CREATE TABLE events (
  id VARBINARY(255) NOT NULL PRIMARY KEY,
  source VARBINARY(255) NOT NULL,
  event_type VARBINARY(1024) NOT NULL,
  payload LONGBLOB NOT NULL,
  headers LONGTEXT NOT NULL,
  unique_key VARBINARY(1024),
  created_at BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE UNIQUE INDEX events_source_unique_key ON events (source, unique_key);
CREATE INDEX events_created_at ON events (created_at);
CREATE INDEX events_source_type ON events (source, event_type, id);

CREATE TABLE jobs (
  id VARBINARY(255) NOT NULL PRIMARY KEY,
  event_id VARBINARY(255) NOT NULL,
  kind VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  target VARBINARY(255) NOT NULL,
  url TEXT,
  status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  attempt INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL,
  scheduled_at BIGINT NOT NULL,
  started_at BIGINT,
  completed_at BIGINT,
  created_at BIGINT NOT NULL,
  last_error MEDIUMTEXT,
  lease_until BIGINT,
  ordering_key VARBINARY(1024)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX jobs_due ON jobs (status, scheduled_at, id);
CREATE INDEX jobs_leased ON jobs (status, lease_until);
CREATE INDEX jobs_event ON jobs (event_id);
CREATE INDEX jobs_target_status ON jobs (target, status);
CREATE INDEX jobs_ordering ON jobs (target, ordering_key, id);
CREATE INDEX jobs_created_at ON jobs (created_at);

CREATE TABLE job_attempts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  job_id VARBINARY(255) NOT NULL,
  attempt INTEGER NOT NULL,
  status_code INTEGER,
  error MEDIUMTEXT,
  duration_ms BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  response_body MEDIUMTEXT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX job_attempts_job ON job_attempts (job_id, id);
