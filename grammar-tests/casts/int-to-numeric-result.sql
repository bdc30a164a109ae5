SELECT _id, stock::numeric * price AS value, price::int AS p FROM products;
