-- averages and variances over infinite inputs: PostgreSQL's float8 accumulators give Infinity or NaN
SELECT g, avg(x) AS avg, var_pop(x) AS var_pop, stddev_samp(x) AS stddev_samp, sum(x) AS sum
FROM (VALUES (1, '1'::float8), (1, 'infinity'), (2, 'infinity'), (2, 'infinity'), (3, '-infinity'), (3, 'infinity'), (4, 'nan'), (4, '2')) AS v(g, x)
GROUP BY g;
