SELECT count(*) AS n FROM customers WHERE email = NULL OR NOT (email <> NULL);
