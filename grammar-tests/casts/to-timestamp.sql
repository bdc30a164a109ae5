SELECT _id, shipped_on::timestamp AS s, shipped_on::timestamptz AS st, '2024-01-31 10:00:00'::timestamp AS lit,
       CAST('2024-01-31T10:00:00Z' AS timestamptz) AS lit_tz
FROM orders;
