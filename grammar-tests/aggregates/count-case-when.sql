SELECT count(CASE WHEN status = 'shipped' THEN 1 END) AS shipped,
       count(CASE WHEN amount > 100 THEN 1 END) AS large,
       sum(CASE WHEN status = 'returned' THEN amount ELSE 0 END) AS returned_amount
FROM orders;
