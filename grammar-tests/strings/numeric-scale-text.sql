-- a numeric(p, s) value as text has exactly s decimals, as PostgreSQL prints it: 2.50, 3.00, 0.100 (sqletl printed 2.5, 3, 0.1)
CREATE TABLE lines (id int PRIMARY KEY, price numeric(10,2), qty int, r numeric(6,3));
INSERT INTO lines VALUES (1, 2.5, 3, 0.1), (2, 3, 1, 1.125), (3, NULL, 2, NULL), (4, -0.001, 1, -2.5), (5, 1234567.89, 2, 0), (6, 0.07, 7, 12.34);
SELECT id,
       price::text AS price_text,
       (price * qty)::text AS total_text,
       r::text AS r_text,
       (price + r)::text AS sum_text,
       'total: ' || (price * qty) || ' EUR' AS label,
       concat(price, '/', r) AS pair,
       CAST(-price AS text) AS negated
FROM lines;
