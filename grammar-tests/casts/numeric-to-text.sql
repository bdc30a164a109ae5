SELECT _id, amount::text AS a, CAST(discount AS text) AS d FROM orders;
