-- sum of numeric(p, s) values is exact in PostgreSQL: 0.1 + 0.2 + 0.7 = 1.0, and so are the groups' sums
CREATE TABLE pay (id int PRIMARY KEY, grp text, amount numeric(8,2));
INSERT INTO pay VALUES (1, 'a', 0.1), (2, 'a', 0.2), (3, 'b', 0.7), (4, 'b', 0.1), (5, 'b', 0.2), (6, 'c', NULL), (7, 'a', 0.3);
SELECT grp,
       sum(amount) AS total,
       sum(amount) = 0.6 AS a_is_06,
       sum(amount) = 1.0 AS b_is_1,
       sum(DISTINCT amount) AS distinct_total,
       sum(amount * 3) AS tripled,
       sum(amount * 3) = 1.8 AS a_tripled_18
FROM pay
GROUP BY grp
HAVING sum(amount) IN (0.6, 1.0) OR sum(amount) IS NULL;
