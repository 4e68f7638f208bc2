-- Every run in the catalog, oldest first: kind, configs, raw rows, commit.
SELECT r.run_id, r.created_at, r.file, r.kind, count(c.config_key) AS configs, r.raw_rows,
       substr(r.git_commit, 1, 12) AS git_commit, r.git_dirty, r.reconstructed
FROM runs r
LEFT JOIN configs c ON c.run_id = r.run_id
GROUP BY r.run_id, r.created_at, r.file, r.kind, r.raw_rows, r.git_commit, r.git_dirty,
         r.reconstructed
ORDER BY r.created_at, r.file;
