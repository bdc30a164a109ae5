-- ordered
-- NULLs through the upsert: an EXCLUDED value that is NULL replaces the old value with NULL;
-- a NULL in a non-key column of a new row is stored as missing; DO UPDATE … WHERE false keeps the row
CREATE TABLE prefs (id int PRIMARY KEY, color text, size int, note text);
INSERT INTO prefs VALUES (1, 'red', 1, 'keep'), (2, 'blue', 2, NULL), (3, 'green', 3, 'x');
INSERT INTO prefs (id, color, size, note) VALUES (1, NULL, NULL, 'n1'), (2, 'teal', NULL, NULL), (3, NULL, 30, NULL), (4, NULL, NULL, NULL)
  ON CONFLICT (id) DO UPDATE SET color = EXCLUDED.color, size = coalesce(EXCLUDED.size, prefs.size + 10), note = EXCLUDED.note
  WHERE prefs.id <> 3;
SELECT id, color, size, note, color IS NULL AS no_color FROM prefs ORDER BY id;
