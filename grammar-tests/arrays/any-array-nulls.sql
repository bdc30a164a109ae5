SELECT _id, 'vip' = ANY(tags) AS is_vip FROM customers;
