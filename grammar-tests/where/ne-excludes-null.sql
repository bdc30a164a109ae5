-- <> must not match NULL or missing fields
SELECT _id, tier FROM customers WHERE tier <> 'gold';
