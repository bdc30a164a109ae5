SELECT _id, tier, tier = '' AS empty, length(tier) AS len, upper(tier) AS up, concat('[', tier, ']') AS br FROM customers;
