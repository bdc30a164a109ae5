SELECT _id, date_part('year', ts) AS y, date_part('dow', ts) AS dow, date_part('quarter', ts) AS q,
       date_part('epoch', ts) AS e, date_part('hour', ts) AS h
FROM events;
