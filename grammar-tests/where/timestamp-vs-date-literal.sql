SELECT _id, registered_at FROM customers WHERE registered_at >= DATE '2024-06-01';
