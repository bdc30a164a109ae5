-- error at 3:8
-- hypothetical-set aggregates with several ORDER BY keys are not supported yet
SELECT rank(3, 1) WITHIN GROUP (ORDER BY quantity, _id) FROM orders;
