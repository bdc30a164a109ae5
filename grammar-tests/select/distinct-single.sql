SELECT DISTINCT tier FROM customers;
