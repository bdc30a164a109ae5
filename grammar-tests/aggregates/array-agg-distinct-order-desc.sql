-- array_agg(DISTINCT x ORDER BY x DESC): descending, NULL first (PostgreSQL's default for DESC);
-- NULLS LAST / NULLS FIRST override it; plain DISTINCT is ascending with NULL last
SELECT array_agg(DISTINCT discount ORDER BY discount DESC) AS d_desc,
       array_agg(DISTINCT discount ORDER BY discount DESC NULLS LAST) AS d_desc_nulls_last,
       array_agg(DISTINCT discount ORDER BY discount NULLS FIRST) AS d_nulls_first,
       array_agg(DISTINCT discount) AS d
FROM orders;
