SELECT t.tag, count(*) AS n FROM customers c, unnest(c.tags) AS t(tag) GROUP BY t.tag;
