SELECT _id, (profile->>'score')::numeric * 2 AS doubled, (profile->>'score')::numeric + 1 AS plus_one,
       (profile->>'score')::numeric > 60 AS high
FROM customers;
