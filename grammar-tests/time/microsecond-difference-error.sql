-- error at 3:31
-- the difference of two times to the microsecond: sqletl's intervals hold milliseconds
SELECT TIME '10:00:00.000001' - t AS d FROM (VALUES (TIME '09:00')) AS x(t);
