SELECT _id, profile.premium FROM customers WHERE profile.premium;
