-- The benchbook catalog: every results file under a data dir, derived, rebuildable.
-- Times are ISO-8601 UTC text (TIMESTAMP), flags are 0/1 (BOOLEAN), raw-row times are ns.

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per results file seen: how it was when imported (size, mtime, content hash).
CREATE TABLE files (
  path TEXT PRIMARY KEY,              -- relative to the data dir, '/' separated
  json_size INTEGER NOT NULL,
  json_mtime_ns INTEGER NOT NULL,
  rows_path TEXT,                     -- the raw-rows file the JSON names, when it names one
  rows_size INTEGER,                  -- -1 when that file is missing
  rows_mtime_ns INTEGER,
  content_hash TEXT NOT NULL,         -- CRC-32C + CRC-32 of the JSON bytes, then the raw rows
  run_id INTEGER,                     -- NULL when the file is bad
  problems TEXT,                      -- one line per problem when the file is bad
  imported_at TIMESTAMP NOT NULL
) WITHOUT ROWID;

CREATE TABLE runs (
  run_id INTEGER PRIMARY KEY,
  file TEXT NOT NULL UNIQUE,          -- relative to the data dir, e.g. contention/results-....json
  name TEXT NOT NULL,                 -- file name without .json
  kind TEXT NOT NULL,                 -- matrix, mitigation or sweep
  created_at TIMESTAMP NOT NULL,      -- manifest start_time (else the time in the file name)
  ended_at TIMESTAMP,
  schema_version INTEGER NOT NULL,
  reconstructed BOOLEAN NOT NULL,
  complete BOOLEAN NOT NULL,
  tool_version TEXT,
  git_commit TEXT,
  git_dirty BOOLEAN,
  jvm TEXT,
  jvm_args TEXT,                      -- JSON array
  os TEXT,
  cpu_model TEXT,
  cores INTEGER,
  sqlite_version TEXT,
  seed INTEGER,
  note TEXT,
  synchronous TEXT,                   -- manifest parameter (configs carry their own too)
  busy_timeout_ms INTEGER,
  hold_ms REAL,
  journal_mode TEXT,                  -- manifest pragma
  files INTEGER,
  reps INTEGER,
  duration_s REAL,
  ceiling_tx_per_s REAL,
  sweep_parameter TEXT,
  sweep_values TEXT,                  -- JSON array
  rows_file TEXT,
  raw_rows INTEGER NOT NULL,          -- rows imported into the rows table (0 when none)
  clock_read_ns REAL,                 -- manifest: measured cost of one clock read (NULL: older file)
  workload TEXT,                      -- manifest: the workload's name, e.g. upload-index (NULL: older file)
  workload_sha256 TEXT                -- manifest: SHA-256 of the workload file's text (NULL: Java workload, older file)
);
CREATE INDEX runs_created_at ON runs (created_at);
CREATE INDEX runs_workload ON runs (workload_sha256, created_at);
CREATE INDEX runs_kind ON runs (kind, created_at);

-- Every manifest parameter and PRAGMA, as given: numbers stay numbers, lists are JSON text.
CREATE TABLE run_params (
  run_id INTEGER NOT NULL,
  source TEXT NOT NULL,               -- parameter or pragma
  name TEXT NOT NULL,
  value,
  PRIMARY KEY (run_id, source, name)
) WITHOUT ROWID;
CREATE INDEX run_params_name ON run_params (name, value);

-- One row per config of a matrix or sweep, and per baseline and mitigation of a mitigation file.
CREATE TABLE configs (
  config_key INTEGER PRIMARY KEY,     -- joins raw rows
  run_id INTEGER NOT NULL,
  config TEXT NOT NULL,               -- config id, e.g. c10-zero-shared-connection
  role TEXT NOT NULL,                 -- config (matrix), point (sweep), baseline, mitigation
  position INTEGER NOT NULL,          -- order in the file
  concurrency INTEGER NOT NULL,
  profile TEXT NOT NULL,
  strategy TEXT NOT NULL,
  strategy_options TEXT,              -- JSON object
  atomic BOOLEAN NOT NULL,
  reps INTEGER NOT NULL,
  transitions INTEGER NOT NULL,
  wall_s REAL,
  transitions_per_s REAL NOT NULL,
  pct_of_ceiling REAL,
  ceiling_tx_per_s REAL,
  conflicts INTEGER NOT NULL,
  busy_errors INTEGER NOT NULL,
  duration_bounded BOOLEAN NOT NULL,
  files INTEGER,                      -- workload: files moved through the flow
  flow TEXT,
  synchronous TEXT,
  hold_ms REAL,
  busy_timeout_ms INTEGER,
  failure_probability REAL,
  latency TEXT,                       -- JSON object
  -- Fairness (NULL when the file has no fairness figures and no raw rows): committed
  -- transitions per worker, Jain's index, workers under 10% of the fair share.
  -- Counts over every worker of every repetition; Jain and starved of the worst repetition.
  min_per_worker INTEGER,
  median_per_worker REAL,
  max_per_worker INTEGER,
  jain_index REAL,
  starved_workers INTEGER,
  -- Group-commit probe (writer-queue configs of files written since Step 17, else NULL):
  -- transitions/s at group_commit_size transitions per commit; pct_of_ceiling is then of it.
  group_commit_tx_per_s REAL,
  group_commit_size INTEGER,
  -- Open loop (--rate; NULL for closed-loop configs): the schedule's rate, the rate the
  -- transitions actually started at (below it when saturated), constant or poisson.
  requested_rate_per_s REAL,
  achieved_rate_per_s REAL,
  arrivals TEXT,
  UNIQUE (run_id, config)
);
CREATE INDEX configs_strategy ON configs (strategy, concurrency);
CREATE INDEX configs_concurrency ON configs (concurrency, strategy);
CREATE INDEX configs_synchronous ON configs (synchronous);
CREATE INDEX configs_hold ON configs (hold_ms);

-- Per-segment stats of a config, pooled over its repetitions, as in the results file.
CREATE TABLE segment_stats (
  run_id INTEGER NOT NULL,
  config TEXT NOT NULL,
  segment TEXT NOT NULL,              -- db_total_ms, lock_wait_ms, fsm_dispatch_ms, fsm_net_ms, api_ms
  count INTEGER,
  mean_ms REAL,
  min_ms REAL,
  p50_ms REAL,
  p90_ms REAL,
  p95_ms REAL,
  p99_ms REAL,
  p999_ms REAL,
  max_ms REAL,
  PRIMARY KEY (run_id, config, segment)
) WITHOUT ROWID;
CREATE INDEX segment_stats_segment ON segment_stats (segment, config);

CREATE TABLE repetitions (
  run_id INTEGER NOT NULL,
  config TEXT NOT NULL,
  rep INTEGER NOT NULL,
  transitions INTEGER NOT NULL,
  wall_s REAL NOT NULL,
  transitions_per_s REAL NOT NULL,
  conflicts INTEGER NOT NULL,
  busy_errors INTEGER NOT NULL,
  rolled_back INTEGER NOT NULL,
  files_terminal INTEGER NOT NULL,
  duration_bounded BOOLEAN NOT NULL,
  fork INTEGER,                       -- the fresh JVM it ran in, from 0 (NULL: not forked)
  -- Fairness (NULL when the file has no fairness figures and no raw rows): committed
  -- transitions per worker, Jain's index, workers under 10% of the fair share.
  min_per_worker INTEGER,
  median_per_worker REAL,
  max_per_worker INTEGER,
  jain_index REAL,
  starved_workers INTEGER,
  PRIMARY KEY (run_id, config, rep)
) WITHOUT ROWID;

-- Committed transitions per worker and repetition, counted from raw rows (none for a file
-- without them): one row for every worker of the config (0 .. concurrency - 1) in every
-- repetition, zeros included, so a starved worker that committed nothing is a row.
CREATE TABLE workers (
  run_id INTEGER NOT NULL,
  config TEXT NOT NULL,
  rep INTEGER NOT NULL,
  worker INTEGER NOT NULL,            -- from 0
  transitions INTEGER NOT NULL,       -- committed
  attempts INTEGER NOT NULL,          -- raw rows of any outcome (committed, conflict, busy, rolled back)
  PRIMARY KEY (run_id, config, rep, worker)
) WITHOUT ROWID;

-- Per-segment stats of one repetition.
CREATE TABLE repetition_stats (
  run_id INTEGER NOT NULL,
  config TEXT NOT NULL,
  rep INTEGER NOT NULL,
  segment TEXT NOT NULL,
  count INTEGER,
  mean_ms REAL,
  min_ms REAL,
  p50_ms REAL,
  p90_ms REAL,
  p95_ms REAL,
  p99_ms REAL,
  p999_ms REAL,
  max_ms REAL,
  PRIMARY KEY (run_id, config, rep, segment)
) WITHOUT ROWID;

-- The before/after comparisons of a mitigation file (or a sweep's), with the throughput ratio.
CREATE TABLE comparisons (
  run_id INTEGER NOT NULL,
  comparison INTEGER NOT NULL,        -- order in the file, from 0
  baseline_config TEXT NOT NULL,
  mitigation_config TEXT NOT NULL,
  baseline_per_s REAL NOT NULL,
  mitigation_per_s REAL NOT NULL,
  throughput_ratio REAL NOT NULL,
  ratio_ci_low REAL,
  ratio_ci_high REAL,
  ratio_ci_level REAL,
  ratio_verdict TEXT,                 -- improved, regressed, within noise
  intervals TEXT,
  noise_threshold_pct REAL NOT NULL,
  workload_differences TEXT,          -- JSON array
  ratio_ci_resamples INTEGER,
  ratio_ci_method TEXT,               -- e.g. percentile-bootstrap/repetitions
  noise_floor_ms REAL,                -- P95 deltas below this are within noise (NULL: older file)
  setup_differences TEXT,             -- JSON array: machine/JVM differences (no verdicts if any)
  outcome TEXT,                       -- the one winner rule (analysis.Winner) on the report's
                                      -- verdicts: won, improved, within noise, regressed, not judged
  place INTEGER,                      -- rank in the run under that rule, from 1 (the winner)
  PRIMARY KEY (run_id, comparison)
) WITHOUT ROWID;

-- Per-segment deltas of a comparison, with the P95 delta's interval and verdict.
CREATE TABLE comparison_segments (
  run_id INTEGER NOT NULL,
  comparison INTEGER NOT NULL,
  segment TEXT NOT NULL,
  baseline_p50_ms REAL,
  baseline_p95_ms REAL NOT NULL,
  baseline_p99_ms REAL,
  mitigation_p50_ms REAL,
  mitigation_p95_ms REAL NOT NULL,
  mitigation_p99_ms REAL,
  delta_ms REAL NOT NULL,
  delta_pct REAL NOT NULL,
  ci_low_ms REAL,
  ci_high_ms REAL,
  ci_level REAL,
  ci_resamples INTEGER,
  ci_method TEXT,
  verdict TEXT,
  PRIMARY KEY (run_id, comparison, segment)
) WITHOUT ROWID;

-- Names of the small integer codes in rows.
CREATE TABLE states (
  state INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE outcomes (
  outcome INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE           -- committed, conflict, busy, rolled_back, failed
);

-- @rows: generated from dev.benchbook.rows.Column (RowsSchema)
