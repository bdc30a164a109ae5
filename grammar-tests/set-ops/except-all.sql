SELECT status FROM orders EXCEPT ALL SELECT status FROM orders WHERE quantity > 2;
