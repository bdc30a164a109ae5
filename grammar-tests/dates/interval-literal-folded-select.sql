SELECT date '2024-01-31' + interval '1 month' AS leap, date '2023-03-31' - interval '1 month' AS back,
       date '2023-12-31' + interval '1 day 2 hours' AS rollover, interval '1 year' + date '2020-02-29' AS swapped;
