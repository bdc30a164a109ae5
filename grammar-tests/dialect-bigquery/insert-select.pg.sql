CREATE TABLE daily (day DATE, orders BIGINT, revenue NUMERIC);
INSERT INTO daily (day, orders, revenue)
SELECT ordered_at::date, COUNT(*), SUM(amount) FROM orders WHERE ordered_at IS NOT NULL GROUP BY 1;
SELECT day, orders, revenue FROM daily;
