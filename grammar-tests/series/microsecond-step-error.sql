-- error at 3:97
-- BSON dates hold milliseconds: a step of half a millisecond is refused
SELECT * FROM generate_series(timestamp '2024-01-01', timestamp '2024-01-01 00:00:01', interval '500 microseconds');
