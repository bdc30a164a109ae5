-- aggregates that sort their input put NaN after every number: WITHIN GROUP, ORDER BY inside an aggregate, DISTINCT
SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY val) AS p90, percentile_disc(0.1) WITHIN GROUP (ORDER BY amt DESC) AS p10_desc,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY amt) FILTER (WHERE _id <> 4) AS median, mode() WITHIN GROUP (ORDER BY amt) AS mode,
       array_agg(val ORDER BY val, _id) AS vals, array_agg(amt ORDER BY amt DESC NULLS LAST, _id) AS amts_desc,
       string_agg(label, ',' ORDER BY val NULLS FIRST, _id) AS labels, array_agg(DISTINCT amt ORDER BY amt) AS distinct_amts,
       rank(2) WITHIN GROUP (ORDER BY amt) AS rank_2, rank('NaN') WITHIN GROUP (ORDER BY val) AS rank_nan
FROM readings;
