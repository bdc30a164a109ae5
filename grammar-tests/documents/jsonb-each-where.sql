-- conditions on the keys of jsonb_each and on a joined table beneath it run after both
SELECT c._id, o._id AS order_id, a.key, a.value
FROM customers c JOIN orders o ON o.customer_id = c._id, jsonb_each_text(c.profile->'address') a
WHERE o.amount > 100 AND a.key = 'city' AND c._id < 20;
