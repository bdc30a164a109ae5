SELECT _id, (profile->>'premium')::boolean AS premium FROM customers;
