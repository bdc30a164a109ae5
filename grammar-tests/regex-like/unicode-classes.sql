-- PostgreSQL's classes include non-ASCII letters (ctype C.UTF-8); PCRE's and JavaScript's \w do not.
-- Row 12 has an emoji: above U+FFFF the classes are not spelled out (README, Strings).
SELECT _id,
       t ~ '^[[:alpha:][:space:]]+$'               AS letters_only,
       t ~ '^\w+\s\w+$'                            AS two_words,
       regexp_replace(t, '[[:punct:]]', '', 'g')   AS no_punct,
       regexp_replace(t, '\W+', '_', 'g')          AS underscored,
       regexp_replace(t, '[[:upper:]]', '*', 'g')  AS no_caps,
       t ~ '[[:lower:]]'                           AS has_lower,
       t ~ '\mmir\M'                               AS word_mir,
       t ~ '\yélan'                                AS word_elan
FROM texts
WHERE _id <> 12;
