-- LIMIT without ORDER BY: which rows is undetermined, how many is not
SELECT count(*) FROM (SELECT _id FROM orders LIMIT 7) AS t;
