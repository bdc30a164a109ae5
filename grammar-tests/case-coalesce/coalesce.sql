SELECT _id, coalesce(discount, 0) AS d, coalesce(status, note, 'none') AS s FROM orders;
