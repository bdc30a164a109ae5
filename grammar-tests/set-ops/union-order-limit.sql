-- ordered
SELECT _id, 'o' AS kind FROM orders WHERE _id < 106 UNION SELECT _id, 'c' FROM customers WHERE _id < 4 ORDER BY kind, _id DESC LIMIT 6;
