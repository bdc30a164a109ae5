SELECT _id, ordered_at::date AS d, CAST(ordered_at AS date) AS d2, '2024-02-29'::date AS leap FROM orders;
