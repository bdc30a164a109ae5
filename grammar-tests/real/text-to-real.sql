-- ordered
-- text read as real at run time: the nearest single to its digits, the infinities
CREATE TABLE raw (id int PRIMARY KEY, t text);
INSERT INTO raw VALUES (1, '1.1'), (2, '0.1'), (3, '16777217'), (4, NULL), (5, '-2.5e-3'), (6, '3.4028234e38'), (7, '1e-45'), (8, 'Infinity'), (9, '-inf'), (10, '123456789');
SELECT id, t::real AS r, t::real::float8 AS exact, t::real = 1.1 AS eq_numeric FROM raw ORDER BY id;
