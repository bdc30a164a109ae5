-- error at 2:38
SELECT _id FROM orders WHERE amount > ;
