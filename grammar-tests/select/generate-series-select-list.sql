-- generate_series in the select list: one row per value; an empty series drops the row
SELECT _id, generate_series(1, quantity) AS k FROM orders WHERE _id < 110;
