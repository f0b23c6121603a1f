-- Workflow runs. A step, parallel branch or map item is a job of kind 'workflow_step' that names
-- its run, step and branch; its input, output and error are in workflow_steps (one row per step
-- job), whose activation groups the jobs of one execution of a step (the step job's id). A run is
-- pinned to the definition it started with: workflow_definitions keeps each version once, by
-- content hash. Callback tokens wake a waiting callback step job exactly once.
ALTER TABLE jobs ADD COLUMN workflow_run_id TEXT;
ALTER TABLE jobs ADD COLUMN step_name TEXT;
ALTER TABLE jobs ADD COLUMN step_index INTEGER;
ALTER TABLE jobs ADD COLUMN branch TEXT;
CREATE INDEX jobs_run ON jobs (workflow_run_id, id) WHERE workflow_run_id IS NOT NULL;

CREATE TABLE workflow_definitions (
  hash TEXT PRIMARY KEY,
  workflow TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE workflow_runs (
  id TEXT PRIMARY KEY,
  workflow TEXT NOT NULL,
  event_id TEXT NOT NULL,
  status TEXT NOT NULL,
  definition_hash TEXT NOT NULL,
  current_step TEXT,
  parent_run_id TEXT,
  parent_job_id TEXT,
  input TEXT,
  output TEXT,
  error TEXT,
  deadline INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  completed_at INTEGER
);
CREATE INDEX workflow_runs_event ON workflow_runs (event_id);
CREATE INDEX workflow_runs_workflow ON workflow_runs (workflow, id);
CREATE INDEX workflow_runs_status ON workflow_runs (status, id);
CREATE INDEX workflow_runs_parent ON workflow_runs (parent_run_id) WHERE parent_run_id IS NOT NULL;
CREATE INDEX workflow_runs_deadline ON workflow_runs (deadline) WHERE status = 'running' AND deadline IS NOT NULL;

CREATE TABLE workflow_steps (
  job_id TEXT PRIMARY KEY,
  run_id TEXT NOT NULL,
  activation TEXT NOT NULL,
  input TEXT NOT NULL,
  output TEXT,
  error TEXT,
  resume TEXT
);
CREATE INDEX workflow_steps_activation ON workflow_steps (activation);

CREATE TABLE callback_tokens (
  token TEXT PRIMARY KEY,
  run_id TEXT NOT NULL,
  job_id TEXT NOT NULL,
  status TEXT NOT NULL,
  expires_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX callback_tokens_job ON callback_tokens (job_id);
CREATE INDEX callback_tokens_run ON callback_tokens (run_id);
CREATE INDEX callback_tokens_expiry ON callback_tokens (expires_at) WHERE status = 'pending' AND expires_at IS NOT NULL;
