-- error at 3:59
-- a frame offset must be a constant here (PostgreSQL allows a parameter-free expression)
SELECT _id, sum(quantity) OVER (ORDER BY _id ROWS BETWEEN (SELECT 1) PRECEDING AND CURRENT ROW) FROM orders;
