-- ordered
-- text cast to time when the row is read, in PostgreSQL's input forms
SELECT v, v::time AS t, CAST(v AS time(1)) AS t1
FROM (VALUES ('08:00'), ('8:05:09 pm'), ('12:00 am'), ('24:00'), ('23:59:59.96'), ('07:08:09.123456+02'), ('  11:22  '), (NULL)) AS x(v)
ORDER BY v NULLS LAST;
