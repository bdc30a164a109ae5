SELECT _id, quantity::float / 4 AS q, amount::double precision AS a, '1.5'::float8 AS f, 1::float / 3 AS third
FROM orders;
