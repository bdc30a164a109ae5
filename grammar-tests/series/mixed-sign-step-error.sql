-- error at 3:78
-- a step whose months and days go different ways (PostgreSQL can even cycle: Jan 31 + 1 month - 29 days is Jan 31)
SELECT * FROM generate_series(date '2024-01-01', date '2024-06-01', interval '1 month -1 day');
