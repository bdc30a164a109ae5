-- try_cast of NaN spellings: float8 reads NaN signed or not, numeric only unsigned (NULL otherwise); PostgreSQL: pg_input_is_valid
SELECT _id, label, try_cast(label AS float8) AS f, try_cast(label AS numeric) AS n FROM readings
UNION ALL
SELECT 0, x, try_cast(x AS double precision), try_cast(x AS numeric) FROM (VALUES (' -NaN '), ('+nan'), ('nan x')) AS v(x);
