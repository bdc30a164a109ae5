SELECT _id FROM orders WHERE quantity / 2 = 1;
