-- try_cast to double precision of text past a double's range, or so small that it would be 0
-- (PostgreSQL's float8in: out of range, so NULL), beside small numbers and zeros it reads
CREATE TABLE dirty (id int PRIMARY KEY, v text);
INSERT INTO dirty VALUES (1, '1e4000'), (2, '-1e-400'), (3, '2.5e-300'), (4, '0.000e-999'), (5, '1e308'), (6, '-0'), (7, NULL), (8, '1.7976931348623157e308'), (9, '.5e-400');
SELECT id, v, try_cast(v AS double precision) AS f, CASE WHEN pg_input_is_valid(v, 'float8') THEN v::float8 END AS g FROM dirty ORDER BY id;
