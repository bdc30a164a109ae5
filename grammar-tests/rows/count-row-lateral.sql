-- count(t.*) of a LEFT JOIN LATERAL subquery and of the right side of a RIGHT JOIN:
-- the rows the join NULL-extended are not counted, rows of NULL columns are
SELECT c.tier, count(l.*) AS lateral_rows, count(r.*) AS right_rows, count(*) AS all_rows
FROM customers c
LEFT JOIN LATERAL (SELECT o.note FROM orders o WHERE o.customer_id = c._id AND o.quantity > 3) l ON true
LEFT JOIN (SELECT o2.discount FROM orders o2 WHERE o2._id = 105) r ON c._id = 3
GROUP BY c.tier;
