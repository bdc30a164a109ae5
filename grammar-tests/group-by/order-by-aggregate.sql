-- ordered
SELECT tier, count(*) FROM customers GROUP BY tier ORDER BY count(*) DESC, tier NULLS FIRST;
