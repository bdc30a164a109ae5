-- error at 3:39
-- a template pattern sqletl does not read (here the day of the year) is refused at its position
SELECT to_timestamp('2024 060', 'YYYY DDD') AS ts;
