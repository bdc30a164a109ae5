SELECT c.first_name, o._id, o.amount FROM customers c, orders o WHERE o.customer_id = c._id AND o.status = 'shipped';
