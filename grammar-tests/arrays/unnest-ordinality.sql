SELECT c._id, u.tag, u.n FROM customers c CROSS JOIN LATERAL unnest(c.tags) WITH ORDINALITY AS u(tag, n);
