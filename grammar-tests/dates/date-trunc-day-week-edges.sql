-- day and week truncation around midnight, Sunday/Monday, New Year and before 1970
-- (computed from milliseconds: DocumentDB's $dateTrunc lands a day or a week early)
SELECT t, date_trunc('day', t) AS d, date_trunc('week', t) AS w, t::date AS as_date
FROM (VALUES (TIMESTAMP '2023-02-03 08:00:00'), (TIMESTAMP '2015-12-27 23:59:59.999'), (TIMESTAMP '2015-12-28 00:00:00'),
             (TIMESTAMP '1969-12-31 22:00:00'), (TIMESTAMP '1900-03-01 12:00:00'), (TIMESTAMP '2024-01-01 00:00:00'), (NULL)) AS v(t);
