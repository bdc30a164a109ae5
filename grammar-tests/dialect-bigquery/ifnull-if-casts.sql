-- IFNULL, IF, CAST AS STRING/INT64/FLOAT64, SAFE_DIVIDE, / always fractional
SELECT _id,
       IFNULL(note, '-') AS note,
       IF(amount >= 100, 'big', 'small') AS size,
       CAST(quantity AS STRING) AS qty_text,
       CAST(amount AS INT64) AS whole,
       CAST(quantity AS FLOAT64) / 4 AS quarter_qty,
       quantity / 2 AS half_qty,
       SAFE_DIVIDE(amount, discount) AS per_discount
FROM orders;
