SELECT status AS v FROM orders UNION ALL SELECT tier FROM customers;
