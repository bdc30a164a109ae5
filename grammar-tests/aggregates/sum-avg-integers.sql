SELECT sum(quantity), avg(quantity), min(quantity), max(quantity) FROM orders;
