SELECT _id FROM customers WHERE tags @> ARRAY['vip'];
