-- error
SELECT _id FROM orders WHERE row_number() OVER (ORDER BY _id) > 1;
