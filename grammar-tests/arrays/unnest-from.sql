SELECT c._id, t.tag FROM customers c, unnest(c.tags) AS t(tag);
