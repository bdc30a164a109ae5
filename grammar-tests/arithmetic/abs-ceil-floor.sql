SELECT _id, abs(amount), ceil(amount), ceiling(amount), floor(amount), abs(quantity) FROM orders;
