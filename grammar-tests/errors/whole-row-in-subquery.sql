-- error at 3:23
-- a whole-row reference in a subquery is refused where it is (not read as a missing column)
SELECT c._id, (SELECT o FROM orders o WHERE o.customer_id = c._id LIMIT 1) FROM customers c;
