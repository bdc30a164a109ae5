-- try_cast of NaN spellings: float8 reads NaN signed or not, numeric only unsigned (NULL otherwise); PostgreSQL: pg_input_is_valid
SELECT _id, label, CASE WHEN pg_input_is_valid(label, 'float8') THEN label::float8 END AS f, CASE WHEN pg_input_is_valid(label, 'numeric') THEN label::numeric END AS n FROM readings
UNION ALL
SELECT 0, x, CASE WHEN pg_input_is_valid(x, 'float8') THEN x::float8 END, CASE WHEN pg_input_is_valid(x, 'numeric') THEN x::numeric END FROM (VALUES (' -NaN '), ('+nan'), ('nan x')) AS v(x);
