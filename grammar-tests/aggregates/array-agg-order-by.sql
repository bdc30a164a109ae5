SELECT status, array_agg(_id ORDER BY _id) AS ids FROM orders GROUP BY status;
