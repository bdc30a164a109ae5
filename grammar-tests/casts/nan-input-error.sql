-- error at 3:8
-- 'NaN' is refused: MongoDB sorts NaN below every number, PostgreSQL above every number
SELECT 'NaN'::float8 AS n;
