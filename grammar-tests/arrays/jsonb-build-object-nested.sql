SELECT _id, jsonb_build_object('name', first_name, 'city', profile->'address'->>'city') AS doc FROM customers WHERE _id < 5;
