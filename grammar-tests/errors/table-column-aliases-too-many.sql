-- error at 3:15
-- postgres-error
SELECT * FROM products AS p(a, b, c, d, e, f, g, h, i, j);
