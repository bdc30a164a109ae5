SELECT _id,
       coalesce(note, '-') AS note,
       CASE WHEN amount > 100 THEN 'big' ELSE 'small' END AS size,
       shipped_on IS NULL AS open,
       concat(status, '#', _id) AS label,
       strpos(status, 'p') AS p_at,
       quantity::numeric / 4 AS quarter_qty,
       trunc(quantity::numeric / 2)::bigint AS pairs
FROM orders;
