SELECT _id, amount FROM orders WHERE amount >= 45.5 AND amount < 130.4 AND quantity <= 6 AND quantity > 1;
