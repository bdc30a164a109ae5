-- Window SUM over CTE columns that are never NULL (COUNT(*), possibly 0) and one
-- that is (a filtered SUM): the never-NULL ones need no count of non-NULL inputs
-- when the frame holds the current row; a frame that can be empty (2 PRECEDING to
-- 1 PRECEDING; 1 to 2 FOLLOWING in one-row partitions, without ORDER BY) is NULL there.
WITH per_customer AS (
  SELECT customer_id, COUNT(*) AS n, COUNT(*) FILTER (WHERE status = 'cancelled') AS cancelled,
         SUM(discount) FILTER (WHERE discount > 10) AS big_discount
  FROM orders
  GROUP BY customer_id
)
SELECT customer_id, n, cancelled, big_discount,
  SUM(n) OVER (ORDER BY customer_id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS n_3,
  SUM(cancelled) OVER (ORDER BY customer_id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS cancelled_3,
  SUM(cancelled) OVER (ORDER BY customer_id ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS cancelled_prev,
  SUM(big_discount) OVER (ORDER BY customer_id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS big_2,
  SUM(n) OVER () AS n_all,
  SUM(n) OVER (PARTITION BY customer_id ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) AS n_next_alone,
  SUM(cancelled) OVER (ORDER BY n) AS cancelled_running,
  SUM(1) OVER (ORDER BY customer_id) AS running_rows
FROM per_customer
ORDER BY customer_id;
