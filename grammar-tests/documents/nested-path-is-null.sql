-- no address: customer 5 (profile without address), 9 (no profile), 28 (empty profile)
SELECT _id, profile.address.city IS NULL AS no_city, profile.premium IS NULL AS no_premium
FROM customers WHERE profile.address IS NULL OR profile.address.city IS NULL;
