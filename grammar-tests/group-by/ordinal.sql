SELECT tier, count(*) FROM customers GROUP BY 1;
