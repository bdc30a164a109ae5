-- ordered
-- a two-column UNIQUE key with DO NOTHING: within the batch the first row of a key wins, wherever its
-- repeats are; a row with a NULL key column never conflicts (two such rows both go in)
CREATE TABLE pairs (a int, b text, v int, UNIQUE (a, b));
INSERT INTO pairs VALUES (3, 'z', 0);
INSERT INTO pairs VALUES (1, 'x', 1), (2, 'y', 2), (1, 'x', 3), (NULL, 'x', 4), (NULL, 'x', 5), (2, 'y', 6), (3, 'z', 7), (1, 'y', 8), (2, 'x', 9), (1, 'y', 10)
  ON CONFLICT (a, b) DO NOTHING;
SELECT a, b, v FROM pairs ORDER BY a NULLS LAST, b, v;
