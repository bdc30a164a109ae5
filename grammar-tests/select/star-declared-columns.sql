-- SELECT * returns the declared columns in schema order, NULL where a document lacks one.
SELECT * FROM customers;
