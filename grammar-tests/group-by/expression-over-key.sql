SELECT upper(status) AS s, length(status) AS len, count(*) FROM orders GROUP BY status;
