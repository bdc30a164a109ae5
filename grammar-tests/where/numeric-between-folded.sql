-- TPC-H q06's shape: BETWEEN bounds computed from literals keep the rows exactly at the bounds
-- (19.98 + 0.01 is 19.99 in PostgreSQL, 19.990000000000002 as doubles).
SELECT _id, amount FROM orders WHERE amount BETWEEN 19.98 + 0.01 AND 45.49 + 0.01 AND amount <> 20 - 0.01 * 100;
