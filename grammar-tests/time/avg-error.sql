-- error at 3:8
-- PostgreSQL averages times read as intervals: refused
SELECT avg(ordered_at::time) FROM orders;
