-- no-schema
-- without declared columns the argument's type is known at run time: numbers are
-- formatted with the numeric template, dates with the date template
SELECT _id, to_char(amount, 'FM9,999.00') AS a, to_char(quantity, '999') AS q, to_char(ordered_at, 'YYYY-MM') AS m
FROM orders;
