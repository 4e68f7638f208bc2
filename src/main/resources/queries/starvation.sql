-- Configs with starved workers (under 10% of the fair share in their worst repetition), least fair first.
-- @param run= (text)  run name or file (empty: every run)
SELECT r.name AS run, c.config, c.concurrency AS workers, c.starved_workers AS starved,
       c.min_per_worker, c.max_per_worker, round(c.jain_index, 4) AS jain
FROM configs c
JOIN runs r ON r.run_id = c.run_id
WHERE c.starved_workers > 0
  AND (:run = '' OR r.name = :run OR r.file = :run)
ORDER BY c.jain_index, r.created_at, c.position;
