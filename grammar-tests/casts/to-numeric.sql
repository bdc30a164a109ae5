SELECT _id, quantity::numeric / 4 AS q, CAST(quantity AS decimal) / 8 AS q8, '3.14'::numeric AS pi, CAST('10' AS numeric) AS ten
FROM orders;
