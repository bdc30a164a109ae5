SELECT _id, '$' || amount AS price, concat('qty=', quantity, ' amt=', amount) AS line FROM orders;
