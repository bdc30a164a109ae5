SELECT status FROM orders INTERSECT ALL SELECT status FROM orders WHERE amount > 50;
