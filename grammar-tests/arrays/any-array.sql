SELECT _id FROM customers WHERE 'vip' = ANY(tags);
