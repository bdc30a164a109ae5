SELECT _id, CASE WHEN quantity > 5 THEN 'many' END AS q FROM orders;
