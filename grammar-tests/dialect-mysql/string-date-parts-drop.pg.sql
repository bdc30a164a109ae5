SELECT customers._id, strpos(email, '@') AS at_sign, extract(month FROM registered_at)::int AS m, extract(day FROM registered_at)::int AS d
FROM customers JOIN orders ON orders.customer_id = customers._id AND orders.status = 'shipped';
