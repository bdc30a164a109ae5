SELECT _id, profile FROM customers;
