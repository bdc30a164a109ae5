-- a group that matched the empty string captures '' (not NULL); one that took no part is NULL
SELECT t.m, t.n FROM regexp_matches('foobarbequebaz', '(bar)(.*)(beque)(x)?') WITH ORDINALITY AS t(m, n)
UNION ALL
SELECT t.m, t.n + 10 FROM regexp_matches('aXb', '(X*)(b|$)', 'g') WITH ORDINALITY AS t(m, n);
