-- ordered
SELECT c.* FROM customers AS c WHERE c._id < 6 ORDER BY c._id;
