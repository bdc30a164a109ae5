SELECT c._id, c.first_name, c.tier FROM customers c WHERE c.tier = 'gold';
