-- error at 3:32
-- GROUPS frames are not supported yet
SELECT _id, sum(quantity) OVER (ORDER BY customer_id GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM orders;
