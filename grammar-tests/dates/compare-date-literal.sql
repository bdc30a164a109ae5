SELECT _id FROM orders WHERE shipped_on = '2024-01-05' OR shipped_on = DATE '2023-09-05' OR shipped_on > '2025-01-01';
