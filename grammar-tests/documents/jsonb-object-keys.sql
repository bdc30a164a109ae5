-- ordered
SELECT t.k, count(*) AS n FROM customers c, jsonb_object_keys(c.profile) AS t(k) GROUP BY t.k ORDER BY t.k;
