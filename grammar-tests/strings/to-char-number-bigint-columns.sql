-- to_char over table columns: integer and numeric columns (a missing or NULL value is NULL),
-- bigint values wider than int4
SELECT _id,
       to_char(quantity, '999') AS q,
       to_char(quantity::bigint * 1000000000000, 'FM9,999,999,999,999,999') AS big,
       to_char(amount, 'FM$9,999.00') AS money,
       to_char(discount, 'S0.99') AS d,
       to_char(-amount, '9999.9PR') AS negated
FROM orders;
