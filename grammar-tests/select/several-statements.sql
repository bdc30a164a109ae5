-- A script with several statements and comments: the last statement's rows are compared.
/* first a warm-up query,
   spread over lines */
SELECT count(*) FROM customers;   -- trailing comment

-- then the one that matters
SELECT _id, first_name /* inline comment */, tier
FROM customers
WHERE tier = 'bronze'; -- done
