-- error at 2:13
SELECT 'a'::char(0) AS c;
