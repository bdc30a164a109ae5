SELECT _id, quantity, count(*) OVER (ORDER BY quantity RANGE BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS near FROM orders WHERE quantity IS NOT NULL;
