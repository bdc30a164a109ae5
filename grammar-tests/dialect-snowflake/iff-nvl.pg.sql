SELECT _id,
       CASE WHEN amount > 100 THEN 'big' ELSE 'small' END AS size,
       coalesce(note, '-') AS note,
       CASE WHEN shipped_on IS NOT NULL THEN 'shipped' ELSE 'open' END AS state,
       coalesce(status, 'unknown') AS status,
       coalesce(discount, 0) AS discount,
       amount::int AS whole,
       CASE WHEN quantity = 0 THEN 0 ELSE amount::numeric / quantity END AS unit_price
FROM orders;
