-- error at 3:30
-- row constructors ((a, b) IN (…)) are not supported yet
SELECT _id FROM orders WHERE (customer_id, quantity) IN ((1, 2), (3, 5));
