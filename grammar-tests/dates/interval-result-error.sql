-- error
-- an interval result column that is neither a constant nor a difference of timestamps:
-- PostgreSQL keeps its days and hours apart (`2 days 24:00:00`), which milliseconds lose
SELECT _id, (ordered_at - timestamp '2023-01-01') * 2 AS doubled FROM orders;
