-- error at 5:30
SELECT count(*) FROM orders;

-- the second statement has the mistake
SELECT _id FROM orders WHERE frobnicate(amount);
