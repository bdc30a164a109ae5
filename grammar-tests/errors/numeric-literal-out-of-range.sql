-- error at 2:12
SELECT 1 + 1e400 AS big;
