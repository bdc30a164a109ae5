SELECT _id, tags FROM customers;
