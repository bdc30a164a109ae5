SELECT _id FROM customers WHERE _id = ANY (SELECT user_id FROM events);
