-- a job setting: COPY batch size for the statements after it (PostgreSQL keeps it as a custom setting)
SET sqletl.batch_size = 500;
SELECT count(*) AS n FROM orders;
