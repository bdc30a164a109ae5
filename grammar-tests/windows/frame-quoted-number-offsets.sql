-- quoted offsets take the frame's type: a row count in ROWS, the key's number type in RANGE
SELECT _id, sum(amount) OVER (ORDER BY _id ROWS BETWEEN '2' PRECEDING AND CURRENT ROW) AS r,
       count(*) OVER (ORDER BY quantity RANGE BETWEEN '1' PRECEDING AND '1' FOLLOWING) AS q
FROM orders WHERE quantity IS NOT NULL;
