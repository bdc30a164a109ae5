-- CASE x WHEN NULL never matches
SELECT _id, tier, CASE tier WHEN NULL THEN 'null' WHEN '' THEN 'empty' ELSE 'other' END AS t FROM customers;
