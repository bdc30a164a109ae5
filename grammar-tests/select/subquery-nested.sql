SELECT s.name, s.value
FROM (
  SELECT i.name, i.value FROM (
    SELECT name, price * stock AS value, category FROM products WHERE active
  ) AS i WHERE i.value IS NOT NULL
) AS s
WHERE s.value BETWEEN 100 AND 2000;
