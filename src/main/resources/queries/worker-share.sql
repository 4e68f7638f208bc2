-- Committed transitions per worker and repetition of a run's configs, with each worker's share (zeros included).
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
  SELECT c.config_key, w.rep, w.worker, w.transitions
  FROM workers w
  JOIN configs c ON c.run_id = w.run_id AND c.config = w.config
  WHERE w.run_id IN (SELECT run_id FROM target)
    AND (:role = '' OR c.role = :role)
    AND (:config = '' OR c.config = :config)
)
SELECT r.name AS run, c.config, w.rep, w.worker, w.transitions,
       round(100.0 * w.transitions
             / nullif(sum(w.transitions) OVER (PARTITION BY w.config_key, w.rep), 0), 2)
         AS share_pct
FROM per_worker w
JOIN configs c ON c.config_key = w.config_key
JOIN runs r ON r.run_id = c.run_id
ORDER BY c.position, w.rep, w.worker;
