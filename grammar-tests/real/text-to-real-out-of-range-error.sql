-- error at 5:15
-- postgres-error
CREATE TABLE raw (id int PRIMARY KEY, t text);
INSERT INTO raw VALUES (1, '1.1'), (2, '1e39');
SELECT id, t::real AS r FROM raw ORDER BY id;
