-- error at 3:20
-- postgres-error
SELECT _id, 1::int << 2::bigint FROM (VALUES (1)) AS t(_id);
