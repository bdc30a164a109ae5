-- ordered
-- date arguments give timestamps (PostgreSQL casts them; their text has a time of day), not dates
SELECT g::text AS t FROM generate_series(date '2024-01-01', date '2024-01-03', interval '1 day') g ORDER BY g;
