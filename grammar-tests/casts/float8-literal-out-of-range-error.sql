-- error at 3:8
-- a double precision literal beyond a double (or below its smallest value) is PostgreSQL's error, not Infinity or 0
SELECT '10e400'::float8 AS too_big;
