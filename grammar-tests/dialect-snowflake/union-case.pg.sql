SELECT CASE WHEN tier = 'gold' THEN 'G' ELSE 'other' END AS t FROM customers UNION SELECT status FROM orders WHERE status LIKE 's%';
