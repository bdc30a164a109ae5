-- ordered
SELECT _id, status, amount FROM orders ORDER BY status ASC NULLS FIRST, amount DESC;
