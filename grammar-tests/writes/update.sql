-- ordered
CREATE TABLE acct (id int PRIMARY KEY, balance numeric, note text);
INSERT INTO acct VALUES (1, 100, 'a'), (2, 50, NULL), (3, 0, 'c');
UPDATE acct SET balance = balance * 1.1, note = coalesce(note, 'none') WHERE balance > 10;
UPDATE acct SET note = NULL WHERE id = 3;
SELECT * FROM acct ORDER BY id;
