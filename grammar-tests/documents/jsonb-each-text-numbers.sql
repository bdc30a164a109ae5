-- ordered
-- jsonb_each_text prints numbers (integers and decimals) and strings as text; ORDER BY key sorts as PostgreSQL does
SELECT p._id, d.key, d.value FROM products p CROSS JOIN LATERAL jsonb_each_text(p.dims) AS d(key, value) ORDER BY p._id, d.key;
