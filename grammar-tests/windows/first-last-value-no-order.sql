-- first_value/last_value/nth_value over a window without ORDER BY: every row is a peer; over
-- one-row partitions the answer does not depend on the partition's order
SELECT _id, first_value(amount) OVER (PARTITION BY _id) AS f, last_value(amount) OVER (PARTITION BY _id) AS l,
  nth_value(amount, 1) OVER (PARTITION BY _id) AS n, count(*) OVER () AS c
FROM orders;
