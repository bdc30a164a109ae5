SELECT _id, CASE WHEN active THEN stock > 0 ELSE NULL END AS available FROM products;
