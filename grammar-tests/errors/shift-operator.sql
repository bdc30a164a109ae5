-- error at 4:13
-- no-schema
-- a shift's answer depends on the integer's width, which a field of no declared type lacks
SELECT _id, quantity << 2 FROM orders;
