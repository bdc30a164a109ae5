-- error at 3:55
-- postgres-error
SELECT _id, count(*) OVER (ORDER BY val RANGE BETWEEN 'NaN' PRECEDING AND CURRENT ROW) FROM readings;
