-- ordered
-- a time column: values written from text (PostgreSQL's forms), compared with
-- untyped literals (read as times: '10:00' equals '10:00:00.000'), BETWEEN, IN,
-- ordered ascending and descending with NULLs, midnight and 24:00:00 at the ends
CREATE TABLE shifts (id int, starts time, ends time(3));
INSERT INTO shifts VALUES
  (1, '08:00', '16:00:00.1234'),
  (2, '10:00:00.000', '18:30'),
  (3, '00:00', '24:00'),
  (4, NULL, '12:00 PM'),
  (5, '23:59:59.999999', NULL),
  (6, '10:00', '9:15 PM'),
  (7, '6:45:30.5 am', '07:00');
SELECT id, starts, ends,
  starts < '09:00' AS early,
  starts = '10:00' AS at_ten,
  ends BETWEEN '12:00' AND '23:59' AS afternoon,
  starts IN ('08:00:00', '00:00') AS listed,
  starts IS DISTINCT FROM '10:00' AS not_ten,
  ends > starts AS ends_later
FROM shifts
ORDER BY starts DESC NULLS LAST, id;
