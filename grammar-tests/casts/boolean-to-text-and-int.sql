SELECT _id, active::text AS t, active::int AS i, (stock > 10)::int AS big FROM products;
