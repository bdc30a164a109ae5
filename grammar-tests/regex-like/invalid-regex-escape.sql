-- error at 3:17
-- an escape PostgreSQL does not know
SELECT _id, t ~ 'a\qb' AS m FROM texts;
