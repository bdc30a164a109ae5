-- error at 3:26
-- PostgreSQL has no time + time
SELECT _id, TIME '01:00' + TIME '02:00' AS t FROM orders;
