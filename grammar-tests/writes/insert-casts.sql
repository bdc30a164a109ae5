-- ordered
CREATE TABLE typed (id int PRIMARY KEY, n int, x numeric, d date, t timestamptz, b boolean, s text);
INSERT INTO typed VALUES (1, '12', '2.5', '2024-02-29', '2024-03-01 10:30:00+00', 'yes', 42);
INSERT INTO typed (id, n, x) SELECT 2, 2.5, 7;
INSERT INTO typed (id, n) SELECT 3, -2.5;
SELECT * FROM typed ORDER BY id;
