-- ordered
SELECT _id, discount FROM orders ORDER BY discount ASC NULLS FIRST, _id;
