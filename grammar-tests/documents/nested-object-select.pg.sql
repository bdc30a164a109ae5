SELECT _id, profile->'address' AS address FROM customers;
