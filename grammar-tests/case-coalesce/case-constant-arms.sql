-- PostgreSQL's planner never reads the arms after a constant TRUE WHEN, nor the THEN of a constant FALSE or NULL one
SELECT _id,
  CASE WHEN true THEN 1 ELSE 1/0 END AS after_true,
  CASE WHEN false THEN 1/0 WHEN _id > 2 THEN 2 ELSE 3 END AS false_arm,
  CASE WHEN NULL THEN 1/0 ELSE _id END AS null_arm,
  CASE WHEN _id > 3 THEN 'big' WHEN true THEN 'small' ELSE (1/0)::text END AS true_later
FROM orders ORDER BY _id;
