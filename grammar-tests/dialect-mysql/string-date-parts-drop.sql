-- INSTR, MONTH, DAY, DROP TABLE, INSERT … VALUES then read
CREATE TABLE notes (id INT PRIMARY KEY, body TEXT);
INSERT INTO notes VALUES (1, 'hello world'), (2, 'abc');
DROP TABLE notes;
SELECT customers._id, INSTR(email, '@') AS at_sign, MONTH(registered_at) AS m, DAY(registered_at) AS d
FROM customers JOIN orders ON orders.customer_id = customers._id AND orders.status = 'shipped';
