-- error
SELECT * FROM unknown_table PIVOT (SUM(x) FOR k IN ('a', 'b')) AS p;
