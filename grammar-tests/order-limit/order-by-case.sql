-- ordered
SELECT _id, status FROM orders
ORDER BY CASE status WHEN 'pending' THEN 0 WHEN 'shipped' THEN 1 ELSE 2 END, _id DESC;
