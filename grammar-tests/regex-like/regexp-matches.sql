-- regexp_matches: one row per match with 'g', else at most one; the captures (NULL for a
-- group that took no part), or the whole match without groups; empty matches (also at the end)
CREATE TABLE match_texts (id int PRIMARY KEY, s text);
INSERT INTO match_texts VALUES (1, 'foobarbequebazilbarfbonk'), (2, ''), (3, NULL), (4, 'aa b'), (5, 'FOOBAR');
SELECT m.id, t.groups, t.n
FROM match_texts m, regexp_matches(m.s, '(b[^b]+)(b[^b]+)?', 'gi') WITH ORDINALITY AS t(groups, n)
UNION ALL
SELECT m.id + 10, t.groups, t.n
FROM match_texts m, regexp_matches(m.s, 'a*', 'g') WITH ORDINALITY AS t(groups, n)
UNION ALL
SELECT m.id + 20, t.groups, t.n
FROM match_texts m, regexp_matches(m.s, '(o)(x)?|(b)') WITH ORDINALITY AS t(groups, n)
UNION ALL
SELECT m.id + 30, t.groups, t.n
FROM match_texts m, regexp_matches(m.s, '(\w)\1*$', 'g') WITH ORDINALITY AS t(groups, n);
