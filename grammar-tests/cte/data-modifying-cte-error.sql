-- error at 2:6
WITH gone AS (DELETE FROM orders WHERE status = 'cancelled' RETURNING _id) SELECT count(*) AS n FROM gone;
