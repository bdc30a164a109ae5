-- error at 3:18
-- PostgreSQL: text that is no time
SELECT _id, TIME 'noon-ish' AS t FROM orders;
