-- error at 3:25
-- PostgreSQL has no cast from date to time
SELECT _id, shipped_on::time AS t FROM orders;
