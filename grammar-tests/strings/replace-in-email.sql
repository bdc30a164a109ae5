SELECT _id, replace(email, 'example', 'ex') AS e, replace(lower(email), '.com', '.org') AS o FROM customers;
