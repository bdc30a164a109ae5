-- ordered
-- PostgreSQL puts NULLs last ascending
SELECT _id, discount FROM orders ORDER BY discount, _id;
