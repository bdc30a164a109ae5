-- a jsonb scalar as text is its JSON spelling: strings keep their quotes, numbers and
-- booleans as written; a missing key is NULL (customers 6 and 19 hold JSON nulls, which
-- sqletl reads as NULL: PostgreSQL prints 'null')
SELECT _id, (profile->'address'->'city')::text AS city, (profile->'score')::text AS score,
  (profile->'premium')::text AS premium, (profile->'nothing')::text AS nothing
FROM customers
WHERE _id NOT IN (6, 19);
