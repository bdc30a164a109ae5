-- IFNULL, IF, ISNULL(x) (a test in MySQL), CONCAT, LOCATE, / is fractional, DIV is integer division
SELECT _id,
       IFNULL(note, '-') AS note,
       IF(amount > 100, 'big', 'small') AS size,
       ISNULL(shipped_on) AS open,
       CONCAT(status, '#', _id) AS label,
       LOCATE('p', status) AS p_at,
       quantity / 4 AS quarter_qty,
       quantity DIV 2 AS pairs
FROM orders;
