-- no-schema
-- without declared types the pipeline decides integer division at run time
SELECT _id, quantity / 2 AS half, quantity % 3 AS r, -quantity / 4 AS neg FROM orders;
