SELECT _id, amount, quantity FROM orders WHERE amount * quantity > 200 AND quantity % 2 = 0;
