-- the two-variable aggregates per group, with FILTER, over groups of one or two pairs and
-- groups where X or Y does not vary (NULL, or regr_r2 1), and over no rows
SELECT customer_id, regr_count(amount, quantity) AS n, corr(amount, quantity) AS corr, covar_samp(amount, quantity) AS cs,
  covar_pop(amount, quantity) FILTER (WHERE quantity > 1) AS cp, regr_slope(amount, quantity) AS slope,
  regr_r2(amount, quantity) AS r2, regr_intercept(quantity, amount) AS icpt
FROM orders
GROUP BY customer_id
UNION ALL
SELECT NULL, regr_count(amount, quantity), corr(amount, quantity), covar_samp(amount, quantity), covar_pop(amount, quantity),
  regr_slope(amount, quantity), regr_r2(amount, quantity), regr_intercept(quantity, amount)
FROM orders WHERE _id < 0;
