-- error at 3:19
-- an array as text ({a,b}) is not supported yet
SELECT _id, tags::text FROM customers;
