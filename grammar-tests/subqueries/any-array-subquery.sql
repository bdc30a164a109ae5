SELECT _id FROM orders WHERE amount > ANY (SELECT price FROM products WHERE category = 'books');
