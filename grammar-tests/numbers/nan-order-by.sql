-- ordered
-- NaN sorts above every number (+Infinity included) and below NULL ascending; NaNs are peers
SELECT _id, val, amt FROM readings ORDER BY val, _id;
