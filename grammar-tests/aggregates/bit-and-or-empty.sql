-- bit_and / bit_or over no rows: one row of NULLs
SELECT bit_and(quantity) AS q_and, bit_or(quantity) AS q_or, count(*) AS n FROM orders WHERE quantity > 1000000;
