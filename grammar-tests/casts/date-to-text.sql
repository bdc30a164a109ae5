SELECT _id, shipped_on::text AS d FROM orders;
