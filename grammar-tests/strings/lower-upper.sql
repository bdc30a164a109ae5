SELECT _id, lower(first_name) AS lf, upper(last_name) AS ul, lower(email), upper(tier) FROM customers WHERE _id <> 27;
