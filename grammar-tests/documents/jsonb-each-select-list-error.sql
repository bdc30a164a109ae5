-- error at 3:13
-- jsonb_each in a select list yields (key,value) records: refused, with the FROM form as the hint
SELECT _id, jsonb_each(profile) FROM customers;
