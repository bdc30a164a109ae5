-- no-schema
SELECT count(*), count(discount), sum(quantity), max(amount), min(ordered_at) FROM orders;
