SELECT t._id, t.amount FROM (SELECT _id, amount, status FROM orders ORDER BY amount DESC LIMIT 10) AS t
WHERE t.status = 'shipped';
