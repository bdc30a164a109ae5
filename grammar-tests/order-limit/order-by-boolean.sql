-- ordered
-- false sorts before true
SELECT _id, active FROM products ORDER BY active, _id;
