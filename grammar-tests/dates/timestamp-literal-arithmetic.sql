SELECT TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '1 month' AS a, DATE '2024-03-31' - INTERVAL '1 month' AS b,
       date_trunc('month', TIMESTAMP '2024-05-17 08:00:00') AS c, extract(dow FROM DATE '2024-06-02') AS d;
