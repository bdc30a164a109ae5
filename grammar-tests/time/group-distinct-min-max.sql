-- ordered
-- times group, deduplicate and aggregate as times: equal times written differently are
-- one group, min/max/count over them, NULLs their own group
CREATE TABLE visits (id int, at time);
INSERT INTO visits VALUES (1, '09:00'), (2, '9:00 AM'), (3, '09:00:00.0'), (4, '13:30'), (5, NULL),
  (6, '1:30 PM'), (7, '24:00'), (8, '00:00'), (9, NULL), (10, '00:00:00.000001');
SELECT at, count(*) AS n, count(at) AS non_null, min(id) AS first_id
FROM visits GROUP BY at ORDER BY at NULLS FIRST;
