-- a numeric column of a subquery keeps its expression's scale (price * (1 - discount) has 4 decimals: a sum of it
-- is exact, as in TPC-H q08); a UNION's column is not given its first branch's scale (0.25 stays 0.25)
CREATE TABLE li (id int PRIMARY KEY, price numeric(12,2), discount numeric(4,2));
INSERT INTO li VALUES (1, 0.10, 0.10), (2, 0.20, 0.00), (3, 19.99, 0.05), (4, 1.15, 0.03), (5, NULL, 0.01), (6, 0.70, 0.30);
SELECT 'volume' AS what, sum(volume) AS total, sum(volume) = 20.8860 AS exact, max((volume * 2)::text) AS doubled_text
FROM (SELECT price * (1 - discount) AS volume FROM li) AS v
UNION ALL
SELECT 'union', sum(u * 3), sum(u * 3) = 1.05, max((u * 3)::text)
FROM (SELECT 0.1 AS u UNION ALL SELECT 0.25) AS w;
