-- ordered
SELECT _id, ordered_at FROM orders ORDER BY ordered_at FETCH FIRST 3 ROWS ONLY;
