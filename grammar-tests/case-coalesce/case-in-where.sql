SELECT _id, price FROM products WHERE CASE WHEN stock > 10 THEN price ELSE price * 2 END > 40;
