-- error at 3:13
-- format() widths and flags are not supported yet
SELECT _id, format('%-10s|', status) FROM orders;
