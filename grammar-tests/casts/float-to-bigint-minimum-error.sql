-- error at 4:58
-- -2^63 is in bigint's range (PostgreSQL gives -9223372036854775808), but beyond the integers
-- sqletl holds exactly: refused as that, not as "bigint out of range"
SELECT _id, (score * 0 - '9223372036854775808'::float8)::bigint AS b FROM measures WHERE _id = 7;
