-- error at 3:37
-- WITH ORDINALITY numbers the keys in PostgreSQL's jsonb key order (shortest first), not the stored order
SELECT c._id, e.* FROM customers c, jsonb_each(c.profile) WITH ORDINALITY e;
