-- format(): %s (NULL as nothing, booleans as t/f, dates as PostgreSQL prints them), %L
-- (quoted, NULL unquoted, E'…' with a backslash), %%, positions (%1$s), a NULL format
SELECT o._id, format('%s-%s', status, quantity) AS a, format('Hello %s, %1$s', c.first_name) AS b,
  format('%L and %L', note, NULL) AS c, format('100%% %s', o._id > 102) AS d, format(NULL, 1) AS e,
  format('%s|%s', shipped_on, ordered_at) AS f, format('x') AS g, format('%L', 'it''s \ back') AS h
FROM orders o JOIN customers c ON c._id = o.customer_id
WHERE o._id < 112;
