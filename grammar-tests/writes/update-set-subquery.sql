-- ordered
-- UPDATE … SET with subqueries (correlated sums, an uncorrelated count, the target's own maximum as it was before the statement), with and without a WHERE holding one
CREATE TABLE accounts (id int PRIMARY KEY, x int, total numeric, label text);
CREATE TABLE ledger (cid int, amt numeric);
INSERT INTO accounts VALUES (1, 0, NULL, 'a'), (2, 0, 5, 'b'), (3, 0, 7, NULL), (4, NULL, 1, 'd');
INSERT INTO ledger VALUES (1, 10), (1, 2.5), (2, 4), (NULL, 1), (4, NULL);
UPDATE accounts SET total = (SELECT sum(amt) FROM ledger WHERE ledger.cid = accounts.id), x = x + 1;
SELECT * FROM accounts ORDER BY id;
UPDATE accounts SET label = coalesce(label, '') || (SELECT count(*) FROM ledger)::text WHERE id >= 2;
SELECT * FROM accounts ORDER BY id;
UPDATE accounts a SET x = (SELECT max(x) FROM accounts) + id WHERE EXISTS (SELECT 1 FROM ledger l WHERE l.cid = a.id);
SELECT * FROM accounts ORDER BY id;
UPDATE accounts SET total = (SELECT amt FROM ledger WHERE cid = 99) WHERE id = 2;
SELECT * FROM accounts ORDER BY id;
