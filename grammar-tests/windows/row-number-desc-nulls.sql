SELECT _id, discount, row_number() OVER (ORDER BY discount DESC NULLS LAST, _id) AS rn FROM orders;
