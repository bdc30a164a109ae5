-- ordered
SELECT _id, discount FROM orders ORDER BY discount DESC NULLS LAST, _id DESC;
