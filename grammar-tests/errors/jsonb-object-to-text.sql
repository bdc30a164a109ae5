-- error at 3:35
-- a jsonb object as text (PostgreSQL's key order and spacing) is not supported yet
SELECT _id, (profile->'address')::text FROM customers;
