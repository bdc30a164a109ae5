-- count(t.*) counts the rows the join found (a NULL-extended row is NULL, a row of
-- NULL columns is not); count(DISTINCT (a, b)) counts distinct rows, rows with NULL
-- fields included
SELECT o.customer_id, count(c.*) AS customers, count(c) AS also, count(*) AS all_rows,
  count(DISTINCT (o.status, o.quantity)) AS distinct_pairs, count(DISTINCT ROW(o.note)) AS notes
FROM orders o LEFT JOIN customers c ON c._id = o.customer_id AND c.tier = 'gold'
GROUP BY o.customer_id;
