SELECT DISTINCT status, quantity > 2 AS big_order FROM orders;
