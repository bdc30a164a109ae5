-- error at 3:26
-- PostgreSQL multiplies the time read as an interval: refused
SELECT _id, TIME '01:30' * 2 AS t FROM orders;
