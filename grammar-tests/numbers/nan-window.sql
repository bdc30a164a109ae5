-- ordered
-- window ORDER BY in PostgreSQL's order (NaN last ascending, peers), and min/max over frames
SELECT _id, val,
       rank() OVER (ORDER BY val) AS r, dense_rank() OVER (ORDER BY amt DESC) AS dr,
       max(val) OVER (PARTITION BY sensor ORDER BY _id) AS running_max,
       min(amt) OVER (ORDER BY _id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS min_3,
       max(amt) OVER (ORDER BY _id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW) AS max_neighbours,
       sum(val) OVER (ORDER BY _id) AS running_sum
FROM readings ORDER BY _id;
