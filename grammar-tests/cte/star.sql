-- ordered
WITH c AS (SELECT _id, first_name, tier FROM customers)
SELECT * FROM c WHERE _id <= 3 ORDER BY _id;
