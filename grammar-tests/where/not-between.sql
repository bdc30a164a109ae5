SELECT _id, quantity FROM orders WHERE quantity NOT BETWEEN 2 AND 5;
