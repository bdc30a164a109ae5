-- ordered
-- ORDER BY … USING < / USING > are ascending and descending, with their NULLS defaults
SELECT _id, status, discount FROM orders ORDER BY status USING <, discount USING >, _id USING <;
