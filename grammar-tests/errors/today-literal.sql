-- error at 3:8
-- 'today' would fix the compile time into the pipeline: refused by name
SELECT 'today'::date AS d;
