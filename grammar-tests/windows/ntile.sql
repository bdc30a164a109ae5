SELECT _id, ntile(4) OVER (ORDER BY _id) AS q4, ntile(7) OVER (ORDER BY _id) AS q7, ntile(100) OVER (ORDER BY _id) AS q100 FROM orders;
