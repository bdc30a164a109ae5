SELECT _id, amount FROM orders WHERE amount BETWEEN 15 AND 60.75;
