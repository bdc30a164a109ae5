SELECT _id, email LIKE '%.com' AS dot_com, email ILIKE '%EXAMPLE%' AS ex, email NOT LIKE '%@%' AS no_at FROM customers;
