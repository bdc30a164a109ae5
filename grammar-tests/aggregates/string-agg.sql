-- STRING_AGG skips NULLs
SELECT tier, string_agg(first_name, ', ' ORDER BY first_name) AS names FROM customers GROUP BY tier;
