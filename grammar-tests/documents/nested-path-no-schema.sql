-- no-schema
SELECT _id, profile.address.city, tags[1] AS first_tag FROM customers;
