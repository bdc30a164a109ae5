-- ordered
-- an uncorrelated WITH inside a scalar subquery is computed once and compared with each row
SELECT _id, amount > (WITH big AS (SELECT avg(amount) AS a FROM orders) SELECT a FROM big) AS above_average FROM orders WHERE _id <= 5 ORDER BY _id;
