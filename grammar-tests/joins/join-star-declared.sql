SELECT * FROM products p JOIN (VALUES (1, 'one'), (2, 'two')) AS v(id, label) ON v.id = p._id;
