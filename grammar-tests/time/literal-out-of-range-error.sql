-- error at 3:18
-- PostgreSQL: 25 hours is no time of day
SELECT _id, TIME '25:00' AS t FROM orders;
