-- min/max: NaN is the largest value (max is NaN when a group holds one; min only when it holds nothing else);
-- sum/avg over NaN are NaN, over Infinity and -Infinity NaN too
SELECT sensor, min(val) AS min_val, max(val) AS max_val, min(amt) AS min_amt, max(amt) AS max_amt,
       count(val) AS n, sum(val) AS s, avg(amt) AS a, max(val) FILTER (WHERE val < 'NaN') AS max_not_nan,
       min(DISTINCT amt) AS min_distinct
FROM readings GROUP BY sensor;
