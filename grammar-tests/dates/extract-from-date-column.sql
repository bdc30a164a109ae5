SELECT _id, extract(year FROM released) AS y, extract(dow FROM released) AS dow, extract(month FROM released) AS m FROM products;
