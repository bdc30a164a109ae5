-- error at 3:43
-- ORDER BY … USING is not supported yet
SELECT _id FROM orders ORDER BY _id USING <;
