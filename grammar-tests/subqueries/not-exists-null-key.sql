-- Decorrelated by key (localField/foreignField): an order whose customer_id is NULL
-- matches no customer (SQL's = never matches NULL; MongoDB's equality pairs null with
-- null and missing), so NOT EXISTS keeps it; NOT IN with a NULL in the list keeps nothing.
SELECT o._id,
       NOT EXISTS (SELECT 1 FROM customers c WHERE c._id = o.customer_id) AS no_customer,
       o.customer_id NOT IN (SELECT e.user_id FROM events e WHERE e.type = 'login') AS not_in_logins
FROM orders o;
