-- INSERT … SELECT into a declared table, read back through a backtick name
CREATE TABLE daily (day DATE, orders INT64, revenue NUMERIC);
INSERT INTO daily (day, orders, revenue)
SELECT CAST(ordered_at AS DATE), COUNT(*), SUM(amount) FROM orders WHERE ordered_at IS NOT NULL GROUP BY 1;
SELECT day, orders, revenue FROM `daily`;
