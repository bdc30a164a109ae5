SELECT extract(year FROM ordered_at) AS y, count(*), sum(amount) FROM orders GROUP BY extract(year FROM ordered_at);
