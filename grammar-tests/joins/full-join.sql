SELECT c._id AS cid, o._id AS oid FROM (SELECT * FROM customers WHERE _id <= 12) c FULL JOIN (SELECT * FROM orders WHERE _id < 125) o ON o.customer_id = c._id;
