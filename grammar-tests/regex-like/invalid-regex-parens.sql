-- error at 3:33
-- PostgreSQL refuses the pattern too (parentheses () not balanced)
SELECT _id FROM texts WHERE t ~ '(line';
