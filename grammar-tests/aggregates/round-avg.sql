SELECT status, round(avg(amount), 2) AS avg_amount FROM orders GROUP BY status;
