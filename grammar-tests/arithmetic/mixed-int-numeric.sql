SELECT _id, quantity * 1.5 AS q15, quantity + 0.25 AS qp, amount * 2 AS a2, quantity * 2 AS q2 FROM orders;
