SELECT _id,
       coalesce(note, '-') AS note,
       CASE WHEN amount >= 100 THEN 'big' ELSE 'small' END AS size,
       quantity::text AS qty_text,
       amount::bigint AS whole,
       quantity::float8 / 4 AS quarter_qty,
       quantity::numeric / 2 AS half_qty,
       CASE WHEN discount = 0 THEN NULL ELSE amount::numeric / discount END AS per_discount
FROM orders;
