-- a declared table's whole row: every column in declared order, each printed by its
-- type's output function (numbers, text, dates and timestamps, NULLs as nothing), also
-- read from an enclosing query
SELECT o, (SELECT o) AS outer_row FROM orders o WHERE o._id < 106 OR o._id > 136;
