-- one row per key of each profile: nested objects and JSON null stay jsonb; a missing profile (9) and {} (28) give none
SELECT c._id, e.key, e.value FROM customers c, jsonb_each(c.profile) AS e;
