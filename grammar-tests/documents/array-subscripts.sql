-- SQL array subscripts are 1-based; out of range is NULL
SELECT _id, tags[1] AS t1, tags[2] AS t2, tags[3] AS t3, tags[0] AS t0 FROM customers;
