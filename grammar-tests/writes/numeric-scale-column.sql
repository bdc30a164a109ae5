-- ordered
-- a numeric(p, s) column stores values rounded to s decimals (INSERT and UPDATE)
CREATE TABLE shares (id int PRIMARY KEY, third numeric(10, 2), whole numeric(6), plain numeric);
INSERT INTO shares SELECT _id, amount / 3, amount / 3, amount / 3 FROM orders WHERE amount IS NOT NULL;
UPDATE shares SET whole = third * 1.5 WHERE id % 2 = 0;
SELECT id, third, whole, plain FROM shares ORDER BY id;
