-- a sum of a numeric column without a scale over no rows is NULL; over rows 0.1 + 0.2 is 0.3 in PostgreSQL
CREATE TABLE pay (id int PRIMARY KEY, amount numeric);
INSERT INTO pay VALUES (1, 0.1), (2, 0.2), (3, NULL);
SELECT sum(amount) AS total, sum(amount) = 0.3 AS exact, count(*) AS n,
       (SELECT sum(amount) FROM pay WHERE id > 10) AS none,
       (SELECT sum(amount) FROM pay WHERE id > 10) IS NULL AS none_is_null
FROM pay;
