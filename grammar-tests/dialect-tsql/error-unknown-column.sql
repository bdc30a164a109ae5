-- error at 3:15
SELECT [_id],
       ISNULL([emial], '') AS e
FROM customers;
