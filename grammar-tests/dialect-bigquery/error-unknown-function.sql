-- error at 2:13
SELECT _id, FARM_FINGERPRINT(email) AS h FROM customers;
