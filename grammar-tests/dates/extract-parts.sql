SELECT _id, extract(year FROM ordered_at) AS y, extract(month FROM ordered_at) AS m, extract(day FROM ordered_at) AS d,
       extract(hour FROM ordered_at) AS h, extract(minute FROM ordered_at) AS mi, extract(second FROM ordered_at) AS s
FROM orders;
