-- a conjunct common to every OR branch is taken out (the join key of TPC-H q19)
SELECT o._id, c.tier FROM orders o, customers c
WHERE (o.customer_id = c._id AND o.amount > 100) OR (o.customer_id = c._id AND c.tier = 'gold') OR (o.customer_id = c._id AND o.status IS NULL);
