-- PostgreSQL reads unambiguous prefixes of true/false/yes/no/on/off, any case, blanks trimmed
SELECT s, s::boolean AS b FROM (VALUES ('TRU'), (' of '), ('fal'), ('Ye'), ('n'), ('1'), (NULL)) AS v(s);
