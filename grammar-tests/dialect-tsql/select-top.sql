-- ordered
-- TOP n with bracket identifiers
SELECT TOP 5 [first_name], [last_name], [tier]
FROM [customers]
WHERE [tier] IN ('gold', 'silver')
ORDER BY [_id];
