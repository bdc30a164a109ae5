SELECT _id, quantity FROM orders WHERE quantity != 2;
