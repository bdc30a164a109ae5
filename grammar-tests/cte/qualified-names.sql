WITH x AS (SELECT _id, amount, status FROM orders)
SELECT x._id, x.amount FROM x AS x WHERE x.status = 'returned';
