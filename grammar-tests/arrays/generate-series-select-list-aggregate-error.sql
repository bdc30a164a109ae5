-- error at 4:28
-- PostgreSQL expands a set-returning function of the select list after grouping (three rows
-- holding the one maximum); sqletl would expand the rows before it
SELECT max(quantity) AS m, generate_series(1, 3) AS g FROM orders ORDER BY g DESC;
