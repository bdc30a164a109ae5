-- LEFT JOIN LATERAL keeps the customers whose profile gives no rows (missing: 9, empty: 28) with NULLs
SELECT c._id, e.key, e.value FROM customers c LEFT JOIN LATERAL jsonb_each(c.profile) e ON true WHERE c._id IN (1, 6, 9, 28);
