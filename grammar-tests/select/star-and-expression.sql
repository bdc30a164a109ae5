-- ordered
SELECT *, stock * price AS stock_value FROM products ORDER BY _id;
