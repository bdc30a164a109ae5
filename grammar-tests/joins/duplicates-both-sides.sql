SELECT a.status, count(*) FROM orders a JOIN orders b ON a.status = b.status GROUP BY a.status;
