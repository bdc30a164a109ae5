-- COUNT(x) skips NULLs and missing fields
SELECT count(*), count(discount), count(status), count(customer_id), count(note) FROM orders;
