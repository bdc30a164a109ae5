-- error at 3:70
-- postgres-error
SELECT _id, count(*) OVER (ORDER BY _id ROWS BETWEEN CURRENT ROW AND NULL FOLLOWING EXCLUDE TIES) FROM orders;
