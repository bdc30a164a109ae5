-- SUM of an argument that is never NULL: no non-NULL counter needed
SELECT status, sum(CASE WHEN amount > 50 THEN 1 ELSE 0 END) AS big, sum(1) AS n FROM orders GROUP BY status;
