-- error at 2:37
SELECT _id FROM orders WHERE note = 'gift;
