SELECT _id, discount IS DISTINCT FROM 0 AS d1, discount IS NOT DISTINCT FROM 0 AS d2,
       status IS DISTINCT FROM note AS d3
FROM orders;
