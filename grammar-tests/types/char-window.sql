-- ordered
-- window value functions return character(n) values padded; ORDER BY a character key ignores trailing blanks
CREATE TABLE codes (id int, c char(3));
INSERT INTO codes VALUES (1, 'b'), (2, 'a'), (3, NULL), (4, 'a  '), (5, 'c');
SELECT id, c, first_value(c) OVER w AS fv, lag(c) OVER w AS lg, lead(c, 1, 'zz'::char(3)) OVER w AS ld,
       max(c) OVER w AS mx, rank() OVER (ORDER BY c) AS rk
FROM codes WINDOW w AS (ORDER BY id) ORDER BY id;
