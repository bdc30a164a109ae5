SELECT * FROM (SELECT _id, tier, first_name FROM customers WHERE tier = 'silver') AS s;
