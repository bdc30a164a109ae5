-- error at 3:24
-- an interval between timestamps is milliseconds inside sqletl: as a result column it is refused
SELECT _id, ordered_at - '2023-01-01 00:00:00'::timestamp AS since FROM orders;
