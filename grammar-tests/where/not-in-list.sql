SELECT _id, status FROM orders WHERE status NOT IN ('shipped', 'cancelled');
