SELECT _id, upper(first_name), lower(last_name), upper(profile->'address'->>'city') AS city FROM customers WHERE _id = 27;
