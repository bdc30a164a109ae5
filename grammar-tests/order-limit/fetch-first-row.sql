-- ordered
SELECT _id, amount FROM orders ORDER BY amount FETCH FIRST ROW ONLY;
