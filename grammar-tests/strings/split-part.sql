SELECT _id, split_part(email, '@', 1) AS local, split_part(email, '@', 2) AS domain,
       split_part(email, '.', 3) AS third, split_part(email, '.', -1) AS tld
FROM customers;
