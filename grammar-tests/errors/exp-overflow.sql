-- error at 3:13
-- postgres-error
SELECT _id, exp(score * 1000) AS e FROM measures WHERE score > 1 AND score < 1e300;
