-- PostgreSQL folds constant WHEN comparisons while planning: an arm whose WHEN is 1 = 0 is never read, nor the arms after 1 = 1
SELECT CASE WHEN 1 = 0 THEN 1/0 WHEN 1 = 1 THEN 1 ELSE 2/0 END AS searched,
  CASE 1 WHEN 0 THEN 1/0 WHEN 1 THEN 1 ELSE 2/0 END AS simple,
  CASE WHEN 2 > 3 THEN 1/0 WHEN NULL = 1 THEN 1/0 ELSE 5 END AS null_arm;
