-- ordered
-- times as window ORDER BY keys (lag, running max: peers by equal times) and in ROLLUP with GROUPING()
CREATE TABLE beats (id int, t time);
INSERT INTO beats VALUES (1, '10:00'), (2, '09:00'), (3, NULL), (4, '24:00'), (5, '10:00:00.000'), (6, '00:00');
SELECT id, t, lag(t) OVER (ORDER BY t, id) AS prev, max(t) OVER (ORDER BY t) AS running_max,
  count(*) OVER (PARTITION BY t) AS same_time
FROM beats ORDER BY t NULLS FIRST, id;
