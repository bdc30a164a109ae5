SELECT _id, amount, discount FROM orders WHERE discount * 10 > amount;
