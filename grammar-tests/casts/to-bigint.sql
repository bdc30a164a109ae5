SELECT _id, amount::bigint AS a, quantity::bigint * 3000000000 AS big, '12345678901'::bigint AS lit FROM orders;
