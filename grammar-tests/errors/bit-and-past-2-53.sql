-- error at 4:3
-- the AND of two bigints within ±(2^53 − 1) may be -2^53, which sqletl cannot hold exactly: refused at run time
SELECT
  bit_and(b) FROM (VALUES (-9007199254740991::bigint), (-2::bigint)) AS t(b);
