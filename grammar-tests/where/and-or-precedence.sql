SELECT _id, status, amount FROM orders
WHERE status = 'shipped' OR status = 'pending' AND amount > 100;
