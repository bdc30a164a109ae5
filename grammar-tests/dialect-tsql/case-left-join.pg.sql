SELECT c._id,
       CASE WHEN o.amount >= 100 THEN 'large' WHEN o.amount IS NULL THEN 'none' ELSE 'small' END AS size,
       CASE c.tier WHEN 'gold' THEN 3 WHEN 'silver' THEN 2 ELSE 1 END AS rank_value
FROM customers c LEFT JOIN orders o ON o.customer_id = c._id AND o.status = 'shipped';
