-- error at 3:13
-- a RANGE frame that starts after it ends: empty, but a NULL key's frame holds its peers
SELECT _id, sum(amount) OVER (ORDER BY quantity RANGE BETWEEN 1 FOLLOWING AND 0 FOLLOWING EXCLUDE GROUP) FROM orders;
