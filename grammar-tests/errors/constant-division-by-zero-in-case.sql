-- error at 4:44
-- postgres-error
-- PostgreSQL folds constants while planning: 1/0 fails even in a branch no row reaches
SELECT _id, CASE WHEN _id > 0 THEN 1 ELSE 1/0 END AS x FROM orders;
