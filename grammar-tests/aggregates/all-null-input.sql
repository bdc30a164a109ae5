-- SUM/AVG/MIN/MAX of only NULLs are NULL, not 0
SELECT sum(discount), avg(discount), min(discount), max(discount), count(discount)
FROM orders WHERE status = 'cancelled';
