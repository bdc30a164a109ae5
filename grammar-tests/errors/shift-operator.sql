-- error at 3:22
-- integer bit shifts are not supported yet
SELECT _id, quantity << 2 FROM orders;
