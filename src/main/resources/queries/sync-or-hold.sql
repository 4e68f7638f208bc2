-- Every run with a config made with a given synchronous setting or a hold above a threshold.
-- @param synchronous=FULL (OFF|NORMAL|FULL|EXTRA)  PRAGMA synchronous value to look for
-- @param hold_ms=0 (number >= 0)  list runs with a config holding the write lock longer than this (ms)
SELECT r.created_at, r.name AS run, r.kind,
       group_concat(DISTINCT coalesce(c.synchronous, r.synchronous)) AS synchronous,
       max(coalesce(c.hold_ms, r.hold_ms)) AS max_hold_ms,
       count(c.config_key) AS configs
FROM runs r
LEFT JOIN configs c ON c.run_id = r.run_id
WHERE coalesce(c.synchronous, r.synchronous) = :synchronous
   OR coalesce(c.hold_ms, r.hold_ms) > :hold_ms
GROUP BY r.run_id, r.created_at, r.name, r.kind
ORDER BY r.created_at;
