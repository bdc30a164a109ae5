-- error
SELECT _id, FARM_FINGERPRINT(email) AS h FROM customers;
