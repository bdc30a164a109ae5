-- error at 3:48
-- jsonb_each_text of a nested object: PostgreSQL prints the object in its own key order and spacing, which sqletl does not yet
SELECT c._id, e.key, e.value FROM customers c, jsonb_each_text(c.profile) e;
