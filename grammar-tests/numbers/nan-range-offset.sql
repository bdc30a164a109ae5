-- a RANGE frame offset over a key holding NaN: NaN rows are peers of each other only, above every number (PostgreSQL's in_range)
SELECT _id, val, count(*) OVER (ORDER BY val RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM readings;
