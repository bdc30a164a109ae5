-- an interval between timestamps inside expressions: its seconds, comparisons with intervals
SELECT _id, extract(epoch from ordered_at - '2023-01-01 00:00:00'::timestamp) AS secs,
  ordered_at - '2023-01-01 00:00:00'::timestamp > interval '30 days' AS after_month
FROM orders ORDER BY _id;
