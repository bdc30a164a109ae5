-- no-schema
SELECT _id, amount::int AS a, quantity::text AS q, quantity::float / 4 AS f, customer_id::numeric / 2 AS c FROM orders;
