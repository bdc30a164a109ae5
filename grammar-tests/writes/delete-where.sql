-- ordered
CREATE TABLE q (id int PRIMARY KEY, v int);
INSERT INTO q SELECT _id, quantity FROM orders;
DELETE FROM q WHERE v IS NULL OR v > 2;
SELECT * FROM q ORDER BY id;
