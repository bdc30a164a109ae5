-- ROWS frames that end before the current row: the first rows of a partition have an
-- empty frame (SUM and MAX NULL, COUNT 0); frames that start after it, likewise at the end
SELECT _id, status, amount,
  sum(amount) OVER (PARTITION BY status ORDER BY _id ROWS BETWEEN UNBOUNDED PRECEDING AND 2 PRECEDING) AS before2,
  count(amount) OVER (PARTITION BY status ORDER BY _id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS n_before,
  max(amount) OVER (PARTITION BY status ORDER BY _id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS max_after,
  first_value(amount) OVER (PARTITION BY status ORDER BY _id ROWS BETWEEN 2 FOLLOWING AND UNBOUNDED FOLLOWING) AS first_after2
FROM orders;
