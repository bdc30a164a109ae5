-- sum of a numeric column without a scale is PostgreSQL's exact decimal sum: 0.1 + 0.2 = 0.3 (a double's
-- 0.30000000000000004), rounded to the largest scale of the group's values; NULLs, an all-NULL group,
-- duplicates (DISTINCT), FILTER, negatives, integers and large values
CREATE TABLE pay (id int PRIMARY KEY, grp text, amount numeric, qty int);
INSERT INTO pay VALUES (1, 'a', 0.1, 1), (2, 'a', 0.2, 2), (3, 'b', 0.7, 1), (4, 'b', 0.1, 3), (5, 'b', 0.2, 1),
  (6, 'c', NULL, 1), (7, 'a', 0.1, 1), (8, 'd', -1.1, 2), (9, 'd', 2.2, 1), (10, 'd', 3.3, 4), (11, 'e', 123456789.01, 1),
  (12, 'e', 0.02, 1), (13, 'f', 5, 1), (14, 'f', 7, 2), (15, 'g', 0.000001, 1), (16, 'g', 0.000002, 1);
SELECT grp,
       sum(amount) AS total,
       sum(amount) = 0.4 AS a_is_04,
       sum(amount) = 1.0 AS b_is_1,
       sum(amount) = 4.4 AS d_is_44,
       sum(DISTINCT amount) AS distinct_total,
       sum(DISTINCT amount) = 0.3 AS a_distinct_03,
       sum(amount) FILTER (WHERE qty = 1) AS single_qty,
       sum(amount * qty) AS weighted,
       sum(amount * qty) = 0.6 AS a_weighted_06,
       sum(amount) * 3 AS tripled,
       sum(amount) * 3 = 1.2 AS a_tripled_12,
       sum(amount + 0.05) AS shifted
FROM pay
GROUP BY grp;
