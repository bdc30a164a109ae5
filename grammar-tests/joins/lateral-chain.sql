-- a LATERAL item reads every FROM item before it, LATERAL ones included; NULLs
-- propagate, a UNION ALL inside gives two rows per outer row, an empty VALUES side none
SELECT *
FROM (VALUES (1), (2), (NULL), (2)) a(k),
LATERAL (SELECT a.k + 1 AS j UNION ALL SELECT a.k * 10) b,
LATERAL (SELECT b.j * coalesce(a.k, -1) AS m WHERE b.j IS DISTINCT FROM 3) c;
