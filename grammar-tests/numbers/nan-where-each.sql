-- ordered
-- one comparison per query shape: greater-than keeps NaN, less-than drops it
SELECT (SELECT count(*) FROM readings WHERE val > 1) AS gt, (SELECT count(*) FROM readings WHERE val < 1) AS lt,
       (SELECT count(*) FROM readings WHERE val >= 'Infinity') AS ge_inf, (SELECT count(*) FROM readings WHERE val <= 'Infinity') AS le_inf,
       (SELECT count(*) FROM readings WHERE amt = 'NaN') AS eq_nan, (SELECT count(*) FROM readings WHERE amt <> 'NaN') AS ne_nan,
       (SELECT count(*) FROM readings WHERE val > 'NaN') AS gt_nan, (SELECT count(*) FROM readings WHERE val <= 'NaN') AS le_nan;
