-- error at 4:24
-- PostgreSQL prints a numeric average with the scale it computed (0.15000000000000000000), which a double does not keep
CREATE TABLE m (id int PRIMARY KEY, grp text, x numeric);
SELECT grp, 'avg: ' || avg(x) AS label FROM m GROUP BY grp;
