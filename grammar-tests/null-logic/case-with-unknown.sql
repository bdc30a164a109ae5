SELECT _id,
       CASE WHEN discount > 1 THEN 'big' WHEN NOT (discount > 1) THEN 'small' ELSE 'unknown' END AS d
FROM orders;
