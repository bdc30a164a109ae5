SELECT _id, amount,
       CASE WHEN amount >= 100 THEN 'large' WHEN amount >= 20 THEN 'medium' ELSE 'small' END AS size
FROM orders;
