-- (NULL OR TRUE) is TRUE, (NULL OR FALSE) is NULL
SELECT _id FROM orders WHERE discount > 5 OR quantity > 8;
