-- ordered
-- an expression that becomes NaN (Infinity - Infinity, 0 * Infinity) sorts as NaN does
SELECT _id, val - val AS d, amt * 0 AS z FROM readings ORDER BY val - val DESC, amt * 0, _id;
