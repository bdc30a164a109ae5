SELECT _id, position('$' IN note) AS dollar, position('off' IN note) AS off FROM orders;
