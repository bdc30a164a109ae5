-- error at 3:32
-- frame EXCLUDE clauses are not supported yet
SELECT _id, sum(quantity) OVER (ORDER BY _id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW) FROM orders;
