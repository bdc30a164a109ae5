SELECT _id, status FROM orders WHERE status IN ('pending', 'returned');
