SELECT 'a;b' AS s; SELECT _id, 'x;y' AS semi FROM products WHERE _id < 4;
