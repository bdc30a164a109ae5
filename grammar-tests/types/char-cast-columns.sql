-- ordered
-- casting text and number columns to character(n) at run time (NULLs, long values, blanks)
SELECT _id, first_name::char(4) AS f4, CAST(email AS char(30)) AS e30, _id::char(2) AS id2,
       (first_name || '   ')::char(8) || '|' AS trailing, CAST(NULL::text AS char(3)) AS nul
FROM customers ORDER BY _id;
