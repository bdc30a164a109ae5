SELECT customer_id, _id, hours_to_ship FROM (
  SELECT customer_id, _id, trunc(extract(epoch FROM (shipped_on - ordered_at)) / 3600)::bigint AS hours_to_ship,
         ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC, _id) AS rn
  FROM orders WHERE ordered_at IS NOT NULL) x
WHERE rn = 1;
