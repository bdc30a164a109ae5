-- several CTEs; the query reads the last one, which reads the first
WITH gold AS (SELECT _id, first_name FROM customers WHERE tier = 'gold'),
     pending AS (SELECT _id, amount FROM orders WHERE status = 'pending'),
     gold_names AS (SELECT upper(first_name) AS name FROM gold)
SELECT name FROM gold_names;
