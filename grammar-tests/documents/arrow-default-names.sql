SELECT _id, profile->'address', profile->>'premium' FROM customers;
