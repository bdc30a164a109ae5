-- ordered
-- date arguments give timestamps, not dates (PostgreSQL resolves them to its timestamptz signature): their text has a time of day
SELECT g::text AS t FROM generate_series(date '2024-01-01', date '2024-01-03', interval '1 day') g ORDER BY g;
