-- NOT (NULL AND FALSE) is TRUE
SELECT _id, discount, quantity FROM orders WHERE NOT (discount > 1 AND quantity > 5);
