SELECT _id, amount < ALL (SELECT price FROM products WHERE price > 100000) AS vacuous FROM orders WHERE _id < 105;
