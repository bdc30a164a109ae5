-- error at 2:47
COPY (SELECT _id FROM orders) TO STDOUT WITH (FORMAT parquet);
