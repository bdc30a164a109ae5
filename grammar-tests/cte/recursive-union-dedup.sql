-- UNION compares whole rows, NULLs equal: the duplicate rows of the non-recursive term (a NULL dept among them) come once, and so do rows found again
WITH RECURSIVE d(dept, depth) AS (
  SELECT dept, 0 FROM employees
  UNION
  SELECT dept, depth + 1 FROM d WHERE depth < 2
)
SELECT dept, depth FROM d;
