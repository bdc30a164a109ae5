SELECT o._id, o.amount FROM orders o WHERE o.amount > (SELECT avg(o2.amount) FROM orders o2 WHERE o2.status = o.status);
