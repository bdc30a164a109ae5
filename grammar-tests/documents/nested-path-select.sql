SELECT _id, profile.address.city, profile.address.country FROM customers;
