-- Committed transitions per worker of a run's configs, with each worker's share (from raw rows).
-- @param run= (text)  run name or file, e.g. results-mitigation-20261126-211850 (empty: the newest mitigation run)
-- @param role=baseline (baseline|mitigation|config|point, or empty)  config role: config is a matrix config, point a sweep point; empty: all
-- @param config= (text)  config id (empty: every config with the role)
WITH target AS (
  SELECT run_id
  FROM runs
  WHERE CASE WHEN :run = '' THEN kind = 'mitigation' ELSE name = :run OR file = :run END
  ORDER BY created_at DESC
  LIMIT 1
),
per_worker AS (
  SELECT config_key, worker, count(*) AS transitions
  FROM rows
  WHERE committed
    AND config_key IN (
      SELECT config_key FROM configs
      WHERE run_id IN (SELECT run_id FROM target)
        AND (:role = '' OR role = :role)
        AND (:config = '' OR config = :config))
  GROUP BY config_key, worker
)
SELECT r.name AS run, c.config, w.worker, w.transitions,
       round(100.0 * w.transitions / sum(w.transitions) OVER (PARTITION BY w.config_key), 2)
         AS share_pct
FROM per_worker w
JOIN configs c ON c.config_key = w.config_key
JOIN runs r ON r.run_id = c.run_id
ORDER BY c.position, w.worker;
