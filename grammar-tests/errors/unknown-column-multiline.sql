-- error at 6:7
SELECT _id,
       amount
FROM orders
WHERE status = 'shipped'
  AND amonut > 10;
