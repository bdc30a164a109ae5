SELECT customer_id FROM orders INTERSECT SELECT user_id FROM events;
