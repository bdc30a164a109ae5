-- error at 2:20
SELECT _id, IFNULL(`Email`, '') FROM customers;
