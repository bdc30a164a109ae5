-- no-schema
-- error at 4:22
-- a field of no declared type holding a document: refused at the cast (not the engine's $toString message)
SELECT _id, profile::text AS p FROM customers WHERE profile IS NOT NULL;
