-- error at 4:16
-- an interval that is not a difference of two timestamps (here twice one) may keep its
-- days and hours apart in PostgreSQL (`2 days 24:00:00`): its parts other than the epoch are refused
SELECT extract(day from (ordered_at - timestamp '2023-01-01') * 2) AS d FROM orders;
