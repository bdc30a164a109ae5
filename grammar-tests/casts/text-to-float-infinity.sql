-- text read as float8 at run time: PostgreSQL's spellings of the infinities (any case,
-- signed, 'inf'), and as numeric
SELECT x, x::float8 AS f, CASE WHEN x ILIKE '%infinity%' OR x !~ '[a-z]' THEN x::numeric END AS n
FROM (VALUES ('Infinity'), ('-infinity'), ('+Infinity'), ('inf'), ('-INF'), ('1.5'), ('-2e3'), (NULL)) AS v(x);
