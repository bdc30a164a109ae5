-- error at 3:8
-- sqletl's timestamps hold milliseconds: Unix seconds with microseconds fail the statement
SELECT to_timestamp(x) AS ts FROM (VALUES (1.5::float8), (1.0000005)) AS v(x);
