-- corr, covar_pop/covar_samp and the regr_* aggregates (Y, X): only rows where both are
-- non-NULL count; NULL below their minimum counts and where a variable does not vary
SELECT corr(amount, quantity) AS corr, covar_pop(amount, quantity) AS covar_pop, covar_samp(amount, quantity) AS covar_samp,
  regr_count(amount, discount) AS n, regr_avgx(amount, discount) AS avgx, regr_avgy(amount, discount) AS avgy,
  regr_sxx(amount, quantity) AS sxx, regr_syy(amount, quantity) AS syy, regr_sxy(amount, quantity) AS sxy,
  regr_slope(amount, quantity) AS slope, regr_intercept(amount, quantity) AS intercept, regr_r2(amount, quantity) AS r2
FROM orders;
