-- Workflow runs (as postgres/V4__workflows.sql). A step, parallel branch or map item is a job of
-- kind 'workflow_step' that names its run, step and branch; its input, output and error are in
-- workflow_steps (one row per step job), whose activation groups the jobs of one execution of a
-- step (the step job's id). A run is pinned to the definition it started with:
-- workflow_definitions keeps each version once, by content hash. Callback tokens wake a waiting
-- callback step job exactly once. Ids, names and tokens are VARBINARY, as in V1__init.sql; JSON
-- documents are LONGTEXT. MySQL has no partial indexes: where the other databases index only the
-- rows a query wants (running runs with a deadline, pending tokens with an expiry), the status
-- leads a plain index, so the query's equality on it still reads only those rows.
ALTER TABLE jobs
  ADD COLUMN workflow_run_id VARBINARY(255),
  ADD COLUMN step_name VARBINARY(255),
  ADD COLUMN step_index INTEGER,
  ADD COLUMN branch VARBINARY(255);
CREATE INDEX jobs_run ON jobs (workflow_run_id, id);

CREATE TABLE workflow_definitions (
  hash VARBINARY(255) NOT NULL PRIMARY KEY,
  workflow VARBINARY(255) NOT NULL,
  definition LONGTEXT NOT NULL,
  created_at BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE workflow_runs (
  id VARBINARY(255) NOT NULL PRIMARY KEY,
  workflow VARBINARY(255) NOT NULL,
  event_id VARBINARY(255) NOT NULL,
  status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  definition_hash VARBINARY(255) NOT NULL,
  current_step VARBINARY(255),
  parent_run_id VARBINARY(255),
  parent_job_id VARBINARY(255),
  input LONGTEXT,
  output LONGTEXT,
  error MEDIUMTEXT,
  deadline BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  completed_at BIGINT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX workflow_runs_event ON workflow_runs (event_id);
CREATE INDEX workflow_runs_workflow ON workflow_runs (workflow, id);
CREATE INDEX workflow_runs_status ON workflow_runs (status, id);
CREATE INDEX workflow_runs_parent ON workflow_runs (parent_run_id);
CREATE INDEX workflow_runs_deadline ON workflow_runs (status, deadline);

CREATE TABLE workflow_steps (
  job_id VARBINARY(255) NOT NULL PRIMARY KEY,
  run_id VARBINARY(255) NOT NULL,
  activation VARBINARY(255) NOT NULL,
  input LONGTEXT NOT NULL,
  output LONGTEXT,
  error MEDIUMTEXT,
  resume LONGTEXT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX workflow_steps_activation ON workflow_steps (activation);

CREATE TABLE callback_tokens (
  token VARBINARY(255) NOT NULL PRIMARY KEY,
  run_id VARBINARY(255) NOT NULL,
  job_id VARBINARY(255) NOT NULL,
  status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  expires_at BIGINT,
  created_at BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX callback_tokens_job ON callback_tokens (job_id);
CREATE INDEX callback_tokens_run ON callback_tokens (run_id);
CREATE INDEX callback_tokens_expiry ON callback_tokens (status, expires_at);
