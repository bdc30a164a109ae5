SELECT _id, ordered_at FROM orders WHERE ordered_at BETWEEN '2024-01-01' AND '2024-06-30 23:59:59';
