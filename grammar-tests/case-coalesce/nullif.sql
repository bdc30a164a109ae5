SELECT _id, nullif(email, '') AS e, nullif(tier, 'gold') AS t FROM customers;
