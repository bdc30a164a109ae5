SELECT _id, ordered_at FROM orders WHERE ordered_at >= '2024-01-01' AND ordered_at < '2024-04-01';
