SELECT DISTINCT extract(year FROM ordered_at) AS y, status = 'shipped' AS shipped FROM orders;
