CREATE TABLE handles (handle text UNIQUE, v int);
INSERT INTO handles VALUES (NULL, 1), (NULL, 2), ('a', 3);
INSERT INTO handles VALUES ('a', 30), (NULL, 4) ON CONFLICT (handle) DO UPDATE SET v = EXCLUDED.v;
SELECT * FROM handles;
