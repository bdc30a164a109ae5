-- error at 3:8
-- two whole-row references compared: sqletl's row is its text, which does not compare as PostgreSQL's record
SELECT o = o FROM orders o;
