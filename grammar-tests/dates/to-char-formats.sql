SELECT _id, to_char(ordered_at, 'YYYY-MM-DD') AS d, to_char(ordered_at, 'YYYY-MM') AS ym,
       to_char(ordered_at, 'Mon YYYY') AS mon, to_char(ordered_at, 'HH24:MI:SS') AS t
FROM orders;
