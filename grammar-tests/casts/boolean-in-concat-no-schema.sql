-- no-schema
-- without declared types the value's BSON type decides: a boolean is t/f in concat, true/false cast to text
SELECT _id, concat(flag) AS c, concat_ws('-', flag, _id) AS ws, flag::text AS cast_text
FROM measures;
