SELECT _id, date_trunc('month', ordered_at) AS m FROM orders;
