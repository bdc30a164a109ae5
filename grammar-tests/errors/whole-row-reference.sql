-- error at 3:8
-- a relation's name alone is its whole row in PostgreSQL (a composite value)
SELECT o FROM orders o WHERE o._id < 103;
