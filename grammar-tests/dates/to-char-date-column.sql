SELECT _id, to_char(shipped_on, 'YYYY-MM-DD') AS d, to_char(shipped_on, 'Mon YYYY') AS m FROM orders;
