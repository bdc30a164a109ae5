-- error at 3:20
-- postgres-error
SELECT _id, amount / quantity AS per_item FROM orders ORDER BY _id;
