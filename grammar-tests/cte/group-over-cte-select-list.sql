-- GROUP BY over a CTE's select list of columns and a product: the $group computes
-- them itself (no $project before it). status is missing or NULL on some orders
-- (one group, as in PostgreSQL), shipped_on and discount are missing on others;
-- value is read twice (SUM and its non-NULL count) and computed twice.
WITH o AS (
  SELECT status, shipped_on, amount * quantity AS value, discount FROM orders
)
SELECT status, COUNT(*) AS n, COUNT(shipped_on) AS shipped, SUM(value) AS total, MAX(discount) AS best_discount,
       COUNT(*) FILTER (WHERE discount > 5) AS discounted
FROM o
GROUP BY status
ORDER BY status;
