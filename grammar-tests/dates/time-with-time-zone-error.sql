-- error at 3:32
-- time with time zone is refused at its position
SELECT _id, CAST(ordered_at AS time with time zone) FROM orders;
