-- In each mitigation run, the strategy with the lowest P99 of a segment (ties all listed).
-- @param segment=lock_wait_ms (db_total_ms|lock_wait_ms|fsm_dispatch_ms|fsm_net_ms)  segment key
-- @param atomic_only=1 (0|1)  1: only strategies that keep each transition atomic; 0: all
WITH ranked AS (
  SELECT r.run_id, r.created_at, r.name AS run, c.strategy, c.config, c.atomic, s.p99_ms,
         RANK() OVER (PARTITION BY r.run_id ORDER BY s.p99_ms) AS place
  FROM runs r
  JOIN configs c ON c.run_id = r.run_id
  JOIN segment_stats s ON s.run_id = c.run_id AND s.config = c.config
  WHERE r.kind = 'mitigation'
    AND s.segment = :segment
    AND s.p99_ms IS NOT NULL
    AND (c.atomic OR :atomic_only = 0)
)
SELECT created_at, run, strategy, config, atomic, p99_ms
FROM ranked
WHERE place = 1
ORDER BY created_at, strategy;
