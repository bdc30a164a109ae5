-- no-schema
-- fields of no declared type: numbers and numeric text to integers, scalars to text
SELECT _id, quantity::int AS q, amount::int AS a, status::text AS s, quantity::text AS qt, '12'::text::int AS t
FROM orders;
