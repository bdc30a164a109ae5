SELECT _id, first_name FROM customers WHERE tier = 'gold';
