SELECT _id, name FROM products WHERE NOT active;
