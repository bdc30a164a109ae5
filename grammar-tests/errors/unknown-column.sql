-- error at 3:25
-- customers is declared in the schema, so an unknown column is a mistake
SELECT _id, first_name, nmae FROM customers;
