-- month arithmetic clamps to the end of the month: Jan 31 + 1 month = Feb 29 (2024)
SELECT _id, ordered_at, ordered_at + INTERVAL '1 month' AS next_month, ordered_at - INTERVAL '1 month' AS prev_month FROM orders;
