-- row constructors: (a, b) = (c, d), <>, IN and NOT IN lists of rows, with NULLs (a pair
-- that is NULL makes the row comparison NULL unless another pair is false)
SELECT _id, (customer_id, quantity) = (1, 2) AS eq, (customer_id, quantity) <> (1, 2) AS ne,
  (customer_id, quantity) IN ((1, 2), (3, 5), (2, NULL)) AS inl, (customer_id, discount) NOT IN ((1, 0), (3, 10.5)) AS notin
FROM orders
WHERE (customer_id, status) IN ((1, 'shipped'), (3, 'shipped'), (2, 'pending'), (7, NULL)) OR _id < 106;
