-- PostgreSQL's default names for unaliased expressions
SELECT amount * 2, lower(note), CASE WHEN amount > 100 THEN 'big' END, status IS NULL, -quantity, amount::int, note, orders.status
FROM orders;
