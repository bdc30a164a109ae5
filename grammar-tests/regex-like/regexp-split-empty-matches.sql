-- regexp_split_to_array with empty matches over non-ASCII text, anchors and word
-- boundaries (each search after an empty match still sees the text before it)
CREATE TABLE split_more (id int PRIMARY KEY, s text);
INSERT INTO split_more VALUES (1, 'é ü😀z'), (2, 'the quick  brown fox'), (3, ''), (4, ' lead and trail '), (5, E'line one\nline two');
SELECT id,
  regexp_split_to_array(s, '') AS chars,
  regexp_split_to_array(s, '\s*') AS maybe_spaces,
  regexp_split_to_array(s, '^|$') AS anchors,
  regexp_split_to_array(s, '\y') AS word_bounds,
  regexp_split_to_array(s, '(?<=[aeiou])') AS after_vowels
FROM split_more ORDER BY id;
