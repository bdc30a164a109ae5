-- ordered
-- UPDATE … FROM and DELETE … USING with subqueries in SET and WHERE: correlated with the target and with the FROM relation, uncorrelated, and reading the target as it was before the statement
CREATE TABLE accounts (id int PRIMARY KEY, region text, balance numeric, flag text);
CREATE TABLE payments (acct int, amt numeric);
CREATE TABLE regions (name text, bonus numeric);
INSERT INTO accounts VALUES (1, 'n', 10, NULL), (2, 's', 20, NULL), (3, 'n', 30, NULL), (4, 'e', NULL, NULL), (5, 'n', 1, NULL);
INSERT INTO payments VALUES (1, 5), (1, 7), (2, 1), (3, 100), (NULL, 3), (5, 2);
INSERT INTO regions VALUES ('n', 1), ('s', 2), ('w', 3);
UPDATE accounts a SET balance = coalesce(a.balance, 0) + r.bonus + (SELECT coalesce(sum(amt), 0) FROM payments p WHERE p.acct = a.id), flag = (SELECT max(name) FROM regions WHERE bonus > r.bonus)
FROM regions r WHERE r.name = a.region AND a.id IN (SELECT acct FROM payments WHERE amt < 50) AND a.balance < (SELECT max(balance) FROM accounts);
DELETE FROM payments p USING accounts a WHERE a.id = p.acct AND p.amt < (SELECT avg(amt) FROM payments) AND EXISTS (SELECT 1 FROM regions r WHERE r.name = a.region AND r.bonus = 1);
SELECT 'a' AS t, id AS k, balance AS v, flag FROM accounts UNION ALL SELECT 'p', acct, amt, NULL FROM payments ORDER BY 1, 2, 3;
