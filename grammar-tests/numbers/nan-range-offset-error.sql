-- error at 3:18
-- a RANGE frame offset over a key holding NaN: MongoDB's range windows order NaN below every number
SELECT _id, val, count(*) OVER (ORDER BY val RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM readings;
