-- regex metacharacters in the data and in patterns are plain characters for LIKE
SELECT _id, name,
       name LIKE '%(%)%' AS paren, name LIKE '%.%' AS dot, name LIKE '%*%' AS star, name LIKE '%++%' AS plus,
       name LIKE '[%]%' AS bracket, name LIKE '%?' AS q, name LIKE '%^%' AS caret, name LIKE '%|%' AS pipe,
       name LIKE '%{1,3}%' AS brace, name LIKE '%$%' AS dollar
FROM products;
