-- error at 4:31
-- postgres-error
-- PostgreSQL refuses the template itself: multiple decimal points
SELECT to_char(amount, '999.99.9') FROM orders;
