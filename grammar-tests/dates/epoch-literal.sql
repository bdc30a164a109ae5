-- PostgreSQL's special input 'epoch'
SELECT 'epoch'::date AS d, 'epoch'::timestamp AS ts, TIMESTAMP 'EPOCH' + INTERVAL '1 day' AS next_day,
  (SELECT count(*) FROM orders WHERE ordered_at > 'epoch') AS after_epoch;
