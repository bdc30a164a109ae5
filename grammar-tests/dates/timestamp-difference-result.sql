-- ordered
-- the difference of two timestamps as a result column: whole days carried out of the
-- hours, negative differences, date − timestamp, NULLs; ordered by the interval
SELECT _id, ordered_at - timestamp '2023-02-14 19:30:00' AS since,
  timestamp '2023-03-01 00:00:00.5' - ordered_at AS until_march,
  shipped_on - ordered_at AS to_ship
FROM orders ORDER BY since, _id;
