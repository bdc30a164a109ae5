-- error at 3:80
-- a WITH inside a subquery reads the outer row: PostgreSQL computes it per row, sqletl once, so it is refused
SELECT _id, (WITH mine AS (SELECT amount FROM orders o2 WHERE o2.customer_id = c._id) SELECT max(amount) FROM mine) AS biggest FROM customers c;
