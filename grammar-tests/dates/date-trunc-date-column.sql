SELECT _id, date_trunc('month', shipped_on) AS m FROM orders;
