-- error at 3:26
-- PostgreSQL: a negative number raised to a non-integer power yields a complex result ($pow yields NaN)
SELECT _id, score, score ^ 0.5 AS p FROM measures WHERE _id = 3;
