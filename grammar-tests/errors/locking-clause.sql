-- error at 3:62
-- rows are not locked in a MongoDB pipeline: a locking clause is refused, not ignored
SELECT _id FROM orders WHERE status = 'shipped' ORDER BY _id FOR UPDATE;
