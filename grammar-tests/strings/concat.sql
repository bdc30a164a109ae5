-- CONCAT skips NULLs and formats numbers
SELECT _id, concat(first_name, ' ', last_name) AS full_name, concat('#', _id, '-', tier) AS code FROM customers;
