-- DISTINCT treats NULLs (and missing fields) as one value
SELECT DISTINCT discount FROM orders;
