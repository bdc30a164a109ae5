SELECT CASE WHEN tier IN ('gold', 'silver') THEN 'metal' ELSE coalesce(nullif(tier, ''), 'none') END AS k, count(*)
FROM customers GROUP BY 1;
