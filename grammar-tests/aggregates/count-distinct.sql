SELECT count(DISTINCT status) AS statuses, count(DISTINCT customer_id) AS customers, count(DISTINCT note) AS notes
FROM orders;
