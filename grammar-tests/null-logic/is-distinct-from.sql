SELECT _id, tier FROM customers WHERE tier IS DISTINCT FROM 'gold';
