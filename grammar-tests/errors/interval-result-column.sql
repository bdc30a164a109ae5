-- error at 4:46
-- an interval between timestamps is milliseconds inside sqletl: a SELECT prints it as
-- PostgreSQL does, but a table written from it would store a number, so it is refused
CREATE TABLE waits AS SELECT _id, ordered_at - '2023-01-01 00:00:00'::timestamp AS since FROM orders;
