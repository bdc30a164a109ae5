SELECT _id FROM customers WHERE profile @> '{"premium": true}' AND profile @> '{"address": {"country": "DE"}}'::jsonb;
