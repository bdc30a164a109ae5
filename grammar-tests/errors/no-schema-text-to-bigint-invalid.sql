-- no-schema
-- error at 4:13
-- a field of no declared type holding text: PostgreSQL's words for bad text, at the cast
SELECT _id, note::bigint AS n FROM orders WHERE note IS NOT NULL;
