-- error
SELECT _id FROM orders WHERE amount > ;
