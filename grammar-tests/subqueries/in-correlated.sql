SELECT c._id FROM customers c WHERE c._id IN (SELECT o.customer_id FROM orders o WHERE o.amount > c._id * 10);
