-- The prefix test in WHERE with NULLs and short strings (prefix-tests-as-like.ts): a NULL
-- first name is NULL under both forms; '  Quinn  ' starts with blanks; 'Bo' of 'Bob' and
-- not of 'BOB@…'; NOT over the test keeps only non-NULL names that fail it; a list with a
-- NULL, a wildcard or a constant of another length is left as it was.
SELECT _id, first_name,
       substring(first_name from 1 for 2) IN ('Al', 'Bo', '  ') AS tested
FROM customers
WHERE (substring(first_name from 1 for 2) IN ('Al', 'Bo', '  ', 'An')
       OR NOT (substring(email from 1 for 3) IN ('eve', 'mia', 'zoe')))
  AND substring(coalesce(email, 'x') from 1 for 1) IN ('a', 'b', 'e', 'c', 'z', 'q', 'B')
  AND _id NOT IN (SELECT _id FROM customers WHERE substring(last_name from 1 for 2) IN ('X%', NULL, 'Smi'))
ORDER BY _id;
