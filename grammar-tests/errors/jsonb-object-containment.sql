-- error at 3:41
-- jsonb containment of objects is not supported yet
SELECT _id FROM customers WHERE profile @> '{"premium": true}'::jsonb;
