-- ordered
CREATE TABLE known_customers (id int PRIMARY KEY, email text);
MERGE INTO known_customers k USING customers c ON k.id = c._id
WHEN NOT MATCHED THEN INSERT VALUES (c._id, lower(c.email));
MERGE INTO known_customers k USING customers c ON k.id = c._id
WHEN MATCHED AND c.email IS NULL THEN DELETE;
SELECT * FROM known_customers ORDER BY id;
