-- ordered
SELECT _id, amount FROM orders ORDER BY _id OFFSET 5 ROWS FETCH NEXT 3 ROWS ONLY;
