-- avg, stddev and variance over the stored singles are double precision (they differ from the
-- doubles' from the 8th digit on); min and max are real; count(DISTINCT) sees 1.1 and
-- 1.1000000001 as one single; a group of NULLs
SELECT grp, avg(r) AS avg, min(r) AS min, max(r) AS max, count(r) AS n, count(DISTINCT r) AS nd,
       stddev_pop(r) AS sdp, stddev_samp(r) AS sds, var_pop(r) AS vp, var_samp(r) AS vs, avg(r::float8) = avg(d) AS avg_as_double
FROM singles WHERE _id NOT IN (7, 16) GROUP BY grp;
