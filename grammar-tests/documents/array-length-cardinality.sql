-- array_length of an empty array is NULL, cardinality is 0
SELECT _id, array_length(tags, 1) AS len, cardinality(tags) AS card FROM customers;
