SELECT _id, name FROM products WHERE name LIKE '%\\%';
