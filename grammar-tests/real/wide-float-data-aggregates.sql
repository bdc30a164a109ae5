-- grouped, duplicates and NULLs: the values compare and group as the floats they are
SELECT d, count(*) AS n, max(r) AS max_r, min(r) AS min_r FROM wide_floats GROUP BY d;
