SELECT _id, ARRAY[_id, customer_id] AS pair, ARRAY['a', status] AS labels FROM orders WHERE _id < 105;
