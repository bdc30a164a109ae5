-- error at 3:47
-- PostgreSQL compares a time with a time only
SELECT _id FROM orders WHERE ordered_at::time < ordered_at;
