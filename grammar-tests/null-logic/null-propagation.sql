SELECT _id, amount + discount AS a, discount * 2 AS b, amount - NULL AS c, quantity * NULL::int AS d
FROM orders;
