SELECT _id, customer_id IN (SELECT _id FROM customers WHERE tier = 'gold') AS gold, discount NOT IN (SELECT discount FROM orders WHERE _id < 110) AS nd FROM orders;
