-- regexp_split_to_array: PostgreSQL skips empty matches at the start, at the end and
-- right after a match; flags i and c, embedded options, NULL text or pattern
CREATE TABLE split_texts (id int PRIMARY KEY, s text);
INSERT INTO split_texts VALUES (1, 'the quick  brown fox'), (2, ''), (3, NULL), (4, ' lead and trail '),
  (5, 'aXbxcXX'), (6, 'no-separator'), (7, E'line one\nline two');
SELECT id,
  regexp_split_to_array(s, '\s+') AS spaces,
  regexp_split_to_array(s, '\s*') AS maybe_spaces,
  regexp_split_to_array(s, '') AS chars,
  regexp_split_to_array(s, 'x', 'i') AS x_ci,
  regexp_split_to_array(s, '(?i)X', 'c') AS x_embedded,
  regexp_split_to_array(s, 'X*') AS x_star,
  regexp_split_to_array(s, '(n)(e)?') AS groups,
  regexp_split_to_array(s, 'nomatch') AS none,
  regexp_split_to_array(s, NULL) AS null_pattern
FROM split_texts ORDER BY id;
