-- ordered
-- descending puts NaN first after NULLs; NULLS LAST / FIRST move only the NULLs
SELECT _id, val, amt FROM readings ORDER BY val DESC NULLS LAST, amt NULLS FIRST, _id;
