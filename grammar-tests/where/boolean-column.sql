SELECT _id, name FROM products WHERE active;
