-- ordered
-- a second UNIQUE constraint: a row updating its own key's row keeps its address; NULLs never collide;
-- an update that does not set the column never writes the address it proposes
CREATE TABLE accounts (id int PRIMARY KEY, email text UNIQUE, name text);
INSERT INTO accounts VALUES (1, 'a@x', 'ann'), (2, 'b@x', 'bo'), (3, NULL, 'cy'), (4, NULL, 'di');
INSERT INTO accounts VALUES (1, 'a@x', 'ann2'), (2, 'c@x', 'bo2'), (5, 'e@x', 'ed'), (6, NULL, 'fay')
  ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name;
INSERT INTO accounts VALUES (3, 'a@x', 'cy2'), (4, 'e@x', 'di2') ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name;
SELECT id, email, name FROM accounts ORDER BY id;
