SELECT c._id, u.tag FROM customers c LEFT JOIN LATERAL unnest(c.tags) AS u(tag) ON true;
