-- regressions, correlation and an exact percentile over the stored singles (double precision)
SELECT regr_count(r, _id) AS n, regr_slope(r, _id) AS slope, regr_intercept(r, _id) AS icpt, corr(r, _id) AS corr,
       covar_pop(r, _id) AS cp, regr_sxx(_id, r) AS sxx, percentile_cont(0.5) WITHIN GROUP (ORDER BY r) AS median,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY r) AS median_value
FROM singles WHERE _id <> 7;
