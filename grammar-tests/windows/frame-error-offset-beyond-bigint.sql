-- error at 3:59
-- postgres-error
SELECT _id, count(*) OVER (ORDER BY quantity ROWS BETWEEN 1e19 PRECEDING AND CURRENT ROW) FROM orders;
