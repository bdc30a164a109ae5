-- comparisons in PostgreSQL's order: NaN equals NaN and is greater than every number; NULL stays NULL
SELECT _id, val < 1 AS lt, val <= 'Infinity' AS le_inf, val > 1 AS gt, val >= 'NaN'::float8 AS ge_nan,
       val = 'NaN' AS eq_nan, val <> 'NaN' AS ne_nan, val BETWEEN 0 AND 'NaN' AS btw, val IN ('NaN', 1.5) AS in_list,
       val < amt AS lt_amt, amt >= val AS ge_val, val IS DISTINCT FROM amt::float8 AS distinct_amt,
       CASE WHEN amt > 1 THEN 'big' ELSE 'small' END AS size
FROM readings;
