-- error at 3:58
-- the double below -2^63 (-2^63 - 2048) is outside bigint: PostgreSQL's own error
SELECT _id, (score * 0 - '9223372036854777856'::float8)::bigint AS b FROM measures WHERE _id = 7;
