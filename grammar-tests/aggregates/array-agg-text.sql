SELECT tier, array_agg(last_name ORDER BY last_name DESC, _id) AS names FROM customers GROUP BY tier;
