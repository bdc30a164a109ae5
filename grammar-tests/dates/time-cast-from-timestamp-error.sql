-- error at 3:25
-- a timestamp cast to time is refused at the type
SELECT _id, ordered_at::time AS t FROM orders;
