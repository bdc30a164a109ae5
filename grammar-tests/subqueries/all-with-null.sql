SELECT _id, quantity >= ALL (SELECT quantity FROM orders WHERE customer_id = 1) AS ge_all FROM orders;
