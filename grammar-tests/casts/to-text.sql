SELECT _id, _id::text AS id, quantity::text AS q, CAST(customer_id AS text) AS c, status::varchar AS s FROM orders;
