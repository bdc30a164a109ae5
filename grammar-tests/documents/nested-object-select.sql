SELECT _id, profile.address FROM customers;
