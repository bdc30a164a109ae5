-- a scalar subquery without rows is NULL, also when the outer row has a field of the
-- subquery's column name (the embedded engine read the outer row's field)
SELECT o._id, o.status,
       (SELECT p.status FROM orders p WHERE p._id = o._id + 1000) AS none_status,
       (SELECT p.status FROM orders p WHERE p._id = o._id + 1 AND p.status <> o.status) AS next_other_status,
       (SELECT p.amount FROM orders p WHERE p._id = o._id AND p.amount > o.amount) AS never
FROM orders o;
