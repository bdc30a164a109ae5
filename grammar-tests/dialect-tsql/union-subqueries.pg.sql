SELECT first_name AS name FROM customers WHERE _id IN (SELECT customer_id FROM orders WHERE amount > 200)
UNION ALL
SELECT name FROM products p WHERE EXISTS (SELECT 1 FROM products q WHERE q.category = p.category AND q._id <> p._id) AND p.price > 100;
