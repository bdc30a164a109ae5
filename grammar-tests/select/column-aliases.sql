SELECT _id AS id, first_name AS "First Name", last_name surname, tier AS "TIER" FROM customers;
