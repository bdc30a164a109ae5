SELECT c.tier, count(o._id) AS orders, sum(o.amount) AS revenue FROM customers c LEFT JOIN orders o ON o.customer_id = c._id GROUP BY c.tier;
