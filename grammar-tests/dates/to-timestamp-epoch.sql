-- to_timestamp(double precision): Unix seconds to a timestamp, fractions of a second,
-- negative seconds (before 1970), a leap day, integers and numerics, NULL
SELECT x, to_timestamp(x) AS ts, to_timestamp(x::bigint) AS from_bigint, to_timestamp(x::numeric) AS from_numeric
FROM (VALUES (0::float8), (1284352323.5), (-1.25), (951782400), (-2208988800), (1e9 + 0.001), (NULL)) AS v(x);
