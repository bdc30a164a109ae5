-- error at 2:38
COPY orders FROM 'orders.avro' WITH (FORMAT avro);
