-- GROUPING() inside a subquery, of the enclosing query's grouping columns: it belongs to the
-- enclosing query (the level of its arguments) and reads that query's grouping set, in the
-- subquery's select list or WHERE
SELECT status, quantity,
       (SELECT grouping(status)) AS g_status,
       (SELECT grouping(status, quantity) + 10) AS g_both,
       grouping(quantity) AS g_quantity,
       (SELECT count(*) FROM products WHERE grouping(status) = 1) AS products_on_total_rows
FROM orders
GROUP BY ROLLUP(status, quantity);
