-- error at 2:29
SELECT * FROM unknown_table PIVOT (SUM(x) FOR k IN ('a', 'b')) AS p;
