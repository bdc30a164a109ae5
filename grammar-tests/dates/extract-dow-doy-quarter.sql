-- dow: Sunday = 0; isodow: Sunday = 7
SELECT _id, extract(dow FROM ts) AS dow, extract(isodow FROM ts) AS isodow, extract(doy FROM ts) AS doy,
       extract(quarter FROM ts) AS q, extract(week FROM ts) AS wk
FROM events;
