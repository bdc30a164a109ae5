SELECT "_id", "first_name", "Customers"."tier" FROM customers AS "Customers" WHERE "_id" <= 10;
