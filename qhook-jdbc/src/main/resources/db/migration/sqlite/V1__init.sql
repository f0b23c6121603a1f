-- qhook schema 1 for SQLite. Times are epoch milliseconds.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  event_type TEXT NOT NULL,
  payload BLOB NOT NULL,
  headers TEXT NOT NULL,
  unique_key TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX events_source_unique_key ON events (source, unique_key);
CREATE INDEX events_created_at ON events (created_at);
CREATE INDEX events_source_type ON events (source, event_type, id);

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  url TEXT,
  status TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL,
  scheduled_at INTEGER NOT NULL,
  started_at INTEGER,
  completed_at INTEGER,
  created_at INTEGER NOT NULL,
  last_error TEXT,
  lease_until INTEGER,
  ordering_key TEXT
);
CREATE INDEX jobs_due ON jobs (scheduled_at, id) WHERE status IN ('available', 'retryable');
CREATE INDEX jobs_leased ON jobs (lease_until) WHERE status = 'running';
CREATE INDEX jobs_event ON jobs (event_id);
CREATE INDEX jobs_target_status ON jobs (target, status);
CREATE INDEX jobs_ordering ON jobs (target, ordering_key, id) WHERE ordering_key IS NOT NULL;
CREATE INDEX jobs_created_at ON jobs (created_at);

CREATE TABLE job_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  response_body TEXT
);
CREATE INDEX job_attempts_job ON job_attempts (job_id, id);
