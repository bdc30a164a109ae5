-- ordered
-- character(n) is padded with blanks to n; trailing blanks do not count in comparisons with
-- quoted constants, length(), ||, upper(); LIKE, ~, concat() and format() see the padding
CREATE TABLE codes (id int, c char(4));
INSERT INTO codes VALUES (1, 'ab'), (2, 'ab  '), (3, ' a'), (4, ''), (5, NULL), (6, 'abcd'), (7, 'abcd    '), (8, 'a b');
SELECT id, c, c || '|' AS cat, length(c) AS len, char_length(c) AS clen, upper(c) AS up,
       c = 'ab     ' AS eq, c <> 'ab' AS ne, c < 'ab' AS lt, c IN ('ab ', 'x') AS inl,
       c LIKE 'ab__' AS lk, c LIKE 'ab' AS lk2, c ~ ' $' AS re, concat(c, '|') AS cc,
       format('[%s]', c) AS f, concat_ws(',', c, 'z') AS cw, substring(c from 1 for 3) || '|' AS sub,
       replace(c, ' ', '_') AS rep, position(' ' in c) AS pos
FROM codes ORDER BY id;
