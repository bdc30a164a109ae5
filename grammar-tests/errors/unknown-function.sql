-- error at 2:13
SELECT _id, frobnicate(amount) FROM orders;
