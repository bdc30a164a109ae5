-- date literal ± interval literal is folded at compile time; the month is clamped to its last day
SELECT _id, ordered_at FROM orders
WHERE ordered_at >= date '2023-01-31' + interval '1 month' - interval '1 month 30 days'
  AND ordered_at < date '2023-01-31' + interval '1 month';
