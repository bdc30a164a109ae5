-- ordered
-- ... and first descending
SELECT _id, discount FROM orders ORDER BY discount DESC, _id;
