-- no-schema
SELECT _id, coalesce(discount, 0) AS d, coalesce(status, 'none') AS s, nullif(quantity, 1) AS q FROM orders;
