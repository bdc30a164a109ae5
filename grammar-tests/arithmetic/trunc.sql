SELECT _id, trunc(amount) AS t0, trunc(amount, 1) AS t1, trunc(-7.89, 1) AS lit FROM orders;
