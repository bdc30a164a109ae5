-- quantified comparisons with NaN on either side
SELECT _id, val > ALL (SELECT amt FROM readings WHERE amt < 'Infinity') AS gt_all,
       val < ANY (SELECT amt FROM readings WHERE sensor = 'a') AS lt_any,
       val IN (SELECT amt::float8 FROM readings WHERE _id <> 2) AS in_amt
FROM readings;
