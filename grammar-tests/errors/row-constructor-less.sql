-- error at 3:54
-- row comparisons other than =, <> and IN are not supported yet
SELECT _id FROM orders WHERE (customer_id, quantity) < (1, 2);
