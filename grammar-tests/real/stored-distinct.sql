-- DISTINCT of a stored real column: 1.1 and 1.1000000001 are one single (two doubles)
SELECT DISTINCT r FROM singles;
