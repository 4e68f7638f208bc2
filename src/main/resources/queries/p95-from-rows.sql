-- P95 of a segment per config recomputed from raw rows (committed rows, numpy's linear method), beside the stored P95.
-- @param segment=fsm_net (segment_ns)  raw-row segment (api: stored stats use only rows that called the API)
-- @param run= (text)  run name or file (empty: every run with raw rows)
WITH picked AS (
  SELECT c.config_key
  FROM configs c
  JOIN runs r ON r.run_id = c.run_id
  WHERE :run = '' OR r.name = :run OR r.file = :run
),
recomputed AS (
  SELECT config_key, count(*) AS committed, percentile_cont(segment_ns(:segment), 0.95) / 1e6
         AS p95_ms
  FROM rows
  WHERE committed AND config_key IN (SELECT config_key FROM picked)
  GROUP BY config_key
)
SELECT r.name AS run, c.config, p.committed, p.p95_ms, s.p95_ms AS stored_p95_ms
FROM recomputed p
JOIN configs c ON c.config_key = p.config_key
JOIN runs r ON r.run_id = c.run_id
LEFT JOIN segment_stats s
  ON s.run_id = c.run_id AND s.config = c.config AND s.segment = :segment || '_ms'
ORDER BY r.created_at, c.position;
