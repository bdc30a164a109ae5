-- error at 3:74
-- an aggregate of the subquery's own rows is not allowed in its WHERE
SELECT status FROM orders o WHERE EXISTS (SELECT 1 FROM products p WHERE sum(p._id) > o.quantity);
