SELECT _id, mod(_id, 10) AS m, mod(-quantity, 3) AS nm FROM orders;
