-- ordered
-- 1e10 fits in bigint; Infinity does not, so it is left out here
SELECT _id, score::bigint AS b, amount::bigint AS n FROM measures WHERE _id IN (1, 3, 7, 9) ORDER BY _id;
