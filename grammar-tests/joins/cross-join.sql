SELECT p._id, c._id AS cust FROM products p CROSS JOIN customers c WHERE p._id <= 3 AND c._id <= 4;
