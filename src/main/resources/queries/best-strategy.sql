-- In each mitigation run, the strategy that won under the one winner rule (judged better on P95 lock_wait, starvation or throughput with no regression; docs/STATISTICS.md), as its report says.
-- @param include_none=0 (0|1)  1: also list runs where no strategy won, with their first-ranked strategy and its outcome
SELECT r.created_at, r.name AS run, c.strategy, k.mitigation_config AS config, k.outcome,
       w.delta_pct AS lock_wait_p95_delta_pct, w.verdict AS lock_wait_verdict,
       k.throughput_ratio, k.ratio_verdict AS throughput_verdict
FROM runs r
JOIN comparisons k ON k.run_id = r.run_id AND k.place = 1
JOIN configs c ON c.run_id = k.run_id AND c.config = k.mitigation_config
LEFT JOIN comparison_segments w
  ON w.run_id = k.run_id AND w.comparison = k.comparison AND w.segment = 'lock_wait_ms'
WHERE r.kind = 'mitigation'
  AND (k.outcome = 'won' OR :include_none = 1)
ORDER BY r.created_at, r.name;
