-- Every run in the catalog, oldest first: kind, workload, configs, raw rows, commit.
-- @param workload= (text)  workload name, e.g. job-queue (empty: every workload; files from before workload files count as upload-index)
SELECT r.run_id, r.created_at, r.file, r.kind, coalesce(r.workload, 'upload-index') AS workload,
       substr(r.workload_sha256, 1, 12) AS workload_sha256, count(c.config_key) AS configs,
       r.raw_rows, substr(r.git_commit, 1, 12) AS git_commit, r.git_dirty, r.reconstructed
FROM runs r
LEFT JOIN configs c ON c.run_id = r.run_id
WHERE (:workload = '' OR coalesce(r.workload, 'upload-index') = :workload)
GROUP BY r.run_id, r.created_at, r.file, r.kind, r.workload, r.workload_sha256, r.raw_rows,
         r.git_commit, r.git_dirty, r.reconstructed
ORDER BY r.created_at, r.file;
