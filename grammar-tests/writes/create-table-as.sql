-- ordered
CREATE TABLE status_counts AS SELECT status, count(*) AS n FROM orders GROUP BY status;
SELECT * FROM status_counts ORDER BY status NULLS LAST;
