-- ? (an object's top-level key, an array's string element), ?| (any), ?& (all); a missing value is NULL; a JSON null value still has its key (6)
SELECT _id,
  profile ? 'premium' AS has_premium,
  profile ? 'city' AS nested_key,
  profile->'address' ?| '{zip,city}' AS any_key,
  profile ?& ARRAY['premium', 'score'] AS all_keys,
  profile ?& '{}' AS all_of_none,
  profile ?| '{}' AS any_of_none
FROM customers;
