-- OFFSET then FETCH … WITH TIES over a column with repeated values and NULLs (only the
-- key is selected: which peers OFFSET skips is arbitrary, in PostgreSQL too)
SELECT status FROM orders ORDER BY status DESC OFFSET 3 FETCH FIRST 2 ROWS WITH TIES;
