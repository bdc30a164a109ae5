-- no-schema
SELECT _id, extract(year FROM ordered_at) AS y, date_trunc('month', ordered_at) AS m, ordered_at + INTERVAL '1 day' AS next_day,
       to_char(ordered_at, 'YYYY-MM-DD') AS d
FROM orders;
