-- count(DISTINCT) of the stored singles and of the same numbers as doubles
SELECT count(DISTINCT r) AS singles, count(DISTINCT d) AS doubles FROM singles;
