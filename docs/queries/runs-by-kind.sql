-- Runs by kind: how many matrix, mitigation and sweep runs the catalog holds.
SELECT kind, count(*) AS runs
FROM runs
GROUP BY kind
ORDER BY kind
