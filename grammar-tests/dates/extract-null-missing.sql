-- Every EXTRACT field over a NULL timestamp (the CASE) and over a missing date
-- (shipped_on is absent from some orders; shipped_at is it as a timestamp): each part is NULL, as in PostgreSQL,
-- with no NULL guard in the pipeline (MongoDB's date operators return null).
WITH o AS (
  SELECT _id, CASE WHEN _id % 3 = 0 THEN NULL ELSE ordered_at END AS ts, shipped_on, shipped_on::timestamp AS shipped_at
  FROM orders
)
SELECT _id,
  EXTRACT(YEAR FROM ts) AS y, EXTRACT(MONTH FROM ts) AS mo, EXTRACT(DAY FROM ts) AS d, EXTRACT(HOUR FROM ts) AS h,
  EXTRACT(MINUTE FROM ts) AS mi, EXTRACT(SECOND FROM ts) AS s, EXTRACT(MILLISECONDS FROM ts) AS ms,
  EXTRACT(DOW FROM ts) AS dow, EXTRACT(ISODOW FROM ts) AS isodow, EXTRACT(DOY FROM ts) AS doy,
  EXTRACT(WEEK FROM ts) AS wk, EXTRACT(ISOYEAR FROM ts) AS isoyear, EXTRACT(QUARTER FROM ts) AS q,
  EXTRACT(DECADE FROM ts) AS dec, EXTRACT(CENTURY FROM ts) AS cent, EXTRACT(EPOCH FROM ts) AS ep,
  DATE_TRUNC('month', ts) AS month_start,
  EXTRACT(YEAR FROM shipped_on) AS ship_y, EXTRACT(MONTH FROM shipped_on) AS ship_mo, EXTRACT(DAY FROM shipped_on) AS ship_d,
  EXTRACT(HOUR FROM shipped_at) AS ship_h, EXTRACT(MINUTE FROM shipped_at) AS ship_mi, EXTRACT(SECOND FROM shipped_at) AS ship_s,
  EXTRACT(MILLISECONDS FROM shipped_at) AS ship_ms, EXTRACT(DOW FROM shipped_on) AS ship_dow, EXTRACT(ISODOW FROM shipped_on) AS ship_isodow,
  EXTRACT(DOY FROM shipped_on) AS ship_doy, EXTRACT(WEEK FROM shipped_on) AS ship_wk, EXTRACT(ISOYEAR FROM shipped_on) AS ship_isoyear,
  EXTRACT(QUARTER FROM shipped_on) AS ship_q, EXTRACT(DECADE FROM shipped_on) AS ship_dec, EXTRACT(CENTURY FROM shipped_on) AS ship_cent,
  EXTRACT(EPOCH FROM shipped_on) AS ship_ep, DATE_TRUNC('week', shipped_on) AS ship_week
FROM o
ORDER BY _id;
