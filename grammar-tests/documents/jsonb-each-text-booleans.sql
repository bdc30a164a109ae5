-- booleans print as true/false, a JSON null in address.city (customer 19) is NULL
SELECT e._id, d.key, d.value FROM events e, jsonb_each_text(e.payload->'device') d
UNION ALL
SELECT c._id, a.k, a.v FROM customers c, jsonb_each_text(c.profile->'address') AS a(k, v) WHERE c._id IN (1, 19);
