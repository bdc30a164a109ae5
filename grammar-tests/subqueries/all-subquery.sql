SELECT _id FROM orders WHERE amount > ALL (SELECT price FROM products WHERE category = 'books');
