SELECT _id, discount, row_number() OVER (ORDER BY discount NULLS FIRST, _id DESC) AS rn FROM orders;
