SELECT _id, unnest(tags) AS tag FROM customers;
