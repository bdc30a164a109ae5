-- ordered
-- time literals in PostgreSQL's input forms, printed as PostgreSQL prints a time
-- (HH:MM:SS, the fraction without trailing zeros): AM/PM (12 AM is midnight), 24:00:00,
-- a zone after it (ignored), fractions, time(p) rounding half up
SELECT _id,
  TIME '08:00' AS eight,
  TIME '8:00 PM' AS eight_pm,
  TIME '12:00 AM' AS midnight_am,
  TIME '12:30 pm' AS half_past_noon,
  TIME '24:00:00' AS end_of_day,
  TIME '23:59:59.999999' AS last_micro,
  TIME '00:00:00.000001' AS first_micro,
  TIME '10:11:12.500' AS trailing_zeros,
  TIME '1:2:3.25' AS short_fields,
  TIME '8:00pm' AS no_space,
  TIME '08:00:00+02' AS zone_ignored,
  TIME 'allballs' AS allballs,
  '12:34:56.789'::time(2) AS rounded_two,
  '23:59:59.5'::time(0) AS rounds_to_24,
  '10:00:00.25'::time(1) AS half_up,
  CAST('7:05' AS time) AS cast_form,
  NULL::time AS nothing
FROM orders WHERE _id <= 102 ORDER BY _id;
