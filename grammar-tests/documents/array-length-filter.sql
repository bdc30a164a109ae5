SELECT _id FROM customers WHERE cardinality(tags) >= 2;
