-- error at 3:8
-- hypothetical-set aggregates (rank(x) WITHIN GROUP) are not supported yet
SELECT rank(3) WITHIN GROUP (ORDER BY quantity) FROM orders;
