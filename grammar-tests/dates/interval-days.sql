SELECT _id, ordered_at + INTERVAL '30 days' AS plus30, ordered_at - INTERVAL '30 days' AS minus30 FROM orders;
