SELECT c._id, (SELECT count(*) FROM orders o WHERE o.customer_id = c._id) AS n_orders, (SELECT max(o.amount) FROM orders o WHERE o.customer_id = c._id) AS biggest FROM customers c;
