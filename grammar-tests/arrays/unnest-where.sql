-- a WHERE condition on the unnest's column runs after the unnest; one on the collection's own field before it
SELECT c._id, u.tag FROM customers c, unnest(c.tags) AS u(tag) WHERE u.tag = 'vip' AND c._id > 5;
