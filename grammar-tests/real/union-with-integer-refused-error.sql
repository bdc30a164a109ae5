-- error at 3:37
-- PostgreSQL rounds the integers of the other side to real
SELECT 1.1::real AS v FROM measures UNION ALL SELECT _id FROM measures;
