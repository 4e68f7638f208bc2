-- P95 of a segment per matching config over the newest runs that have one, oldest first.
-- @param segment=lock_wait_ms (db_total_ms|lock_wait_ms|fsm_dispatch_ms|fsm_net_ms|api_ms)  segment key
-- @param config= (text)  config id, e.g. c10-zero (empty: every config with the strategy and concurrency below)
-- @param strategy=per-worker (text)  connection strategy (empty: any)
-- @param concurrency=10 (int >= 1, or empty)  workers (empty: any)
-- @param workload= (text)  workload name, e.g. job-queue (empty: any; files from before workload files count as upload-index)
-- @param last=20 (int >= 1)  how many of the newest runs with a matching config
WITH matching AS (
  SELECT c.run_id, c.config
  FROM configs c
  WHERE (:config = '' OR c.config = :config)
    AND (:strategy = '' OR c.strategy = :strategy)
    AND (CAST(:concurrency AS TEXT) = ''
         OR c.concurrency = CAST(NULLIF(CAST(:concurrency AS TEXT), '') AS INTEGER))
),
newest AS (
  SELECT r.run_id
  FROM runs r
  WHERE r.run_id IN (SELECT run_id FROM matching)
    AND (:workload = '' OR coalesce(r.workload, 'upload-index') = :workload)
  ORDER BY r.created_at DESC
  LIMIT :last
)
SELECT r.created_at, r.name AS run, m.config, s.p95_ms, s.count
FROM newest n
JOIN runs r ON r.run_id = n.run_id
JOIN matching m ON m.run_id = n.run_id
JOIN segment_stats s ON s.run_id = m.run_id AND s.config = m.config AND s.segment = :segment
ORDER BY r.created_at, m.config;
