-- ordered
SELECT _id, amount, rank() OVER (ORDER BY amount DESC) AS r FROM orders WHERE amount IS NOT NULL ORDER BY rank() OVER (ORDER BY amount DESC), _id;
