SELECT upper(tier) AS t, count(*) AS n FROM customers GROUP BY t;
