-- ordered
CREATE TABLE src (k int PRIMARY KEY, v int);
INSERT INTO src VALUES (1, 10), (2, 20);
CREATE MATERIALIZED VIEW totals AS SELECT count(*) AS n, sum(v) AS s FROM src;
INSERT INTO src VALUES (3, 30);
SELECT n, s FROM totals;
