-- ordered
-- several ordered-set aggregates of one group over the same key, with a FILTER, over another
-- key, in the other direction, an array of fractions and MODE: each numbers its own rows
SELECT status,
       percentile_cont(0.25) WITHIN GROUP (ORDER BY amount) AS q1,
       percentile_disc(0.75) WITHIN GROUP (ORDER BY amount) AS q3,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) FILTER (WHERE quantity > 1) AS med_multi,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY amount DESC) AS med_desc,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY quantity) AS med_qty,
       percentile_disc(ARRAY[0.1, 0.9]) WITHIN GROUP (ORDER BY amount) AS tails,
       mode() WITHIN GROUP (ORDER BY quantity) AS common_qty,
       count(*) AS n
FROM orders
GROUP BY status
ORDER BY status;
