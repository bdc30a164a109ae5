SELECT _id, shipped_on + INTERVAL '7 days' AS week_later, shipped_on - INTERVAL '1 month' AS month_before FROM orders;
