-- ordered
-- UPDATE/DELETE whose WHERE holds a subquery (IN, NOT IN with a NULL, EXISTS, NOT EXISTS, correlated, a scalar comparison reading the target itself): the target's rows the WHERE keeps, each updated or deleted once, the subqueries seeing the table as it was before the statement
CREATE TABLE items (id int PRIMARY KEY, grp int, qty int, note text);
CREATE TABLE picks (id int, grp int);
INSERT INTO items VALUES (1, 1, 10, 'a'), (2, 1, 20, NULL), (3, 2, 30, 'c'), (4, 2, NULL, 'd'), (5, 3, 50, 'e'), (6, NULL, 60, 'f');
INSERT INTO picks VALUES (2, 1), (3, 2), (3, 2), (NULL, 3), (9, NULL);
UPDATE items SET note = 'picked', qty = qty + 1 WHERE id IN (SELECT id FROM picks);
UPDATE items i SET qty = 0 WHERE EXISTS (SELECT 1 FROM picks p WHERE p.grp = i.grp AND p.id > i.id);
UPDATE items SET note = 'big' WHERE qty > (SELECT avg(qty) FROM items) AND note IS DISTINCT FROM 'picked';
DELETE FROM items WHERE id NOT IN (SELECT id FROM picks);
SELECT * FROM items ORDER BY id;
DELETE FROM items WHERE id NOT IN (SELECT id FROM picks WHERE id IS NOT NULL) AND grp = 3;
SELECT * FROM items ORDER BY id;
DELETE FROM items i WHERE NOT EXISTS (SELECT 1 FROM picks p WHERE p.id = i.id AND p.grp = 2);
SELECT * FROM items ORDER BY id;
DELETE FROM items WHERE id IN (SELECT id FROM picks WHERE grp = 2);
SELECT count(*) FROM items;
