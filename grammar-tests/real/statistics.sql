-- two-variable statistics, percentiles and the number functions over real: double precision over the singles
CREATE TABLE single_readings (id int PRIMARY KEY, x real, y real);
INSERT INTO single_readings VALUES (1, 1.1, 2.3), (2, 2.2, 4.1), (3, 3.3, 6.7), (4, NULL, 1), (5, 0.1, NULL), (6, 4.4, 8.9);
SELECT corr(y, x) AS corr, covar_pop(y, x) AS cp, regr_slope(y, x) AS slope, regr_intercept(y, x) AS icpt, regr_avgx(y, x) AS ax,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS median, percentile_disc(0.5) WITHIN GROUP (ORDER BY x) AS disc,
       max(sqrt(x)) AS sq, max(round(y)) AS r, max(x ^ 2::real) AS p
FROM single_readings;
