-- error at 3:16
-- "char" (PostgreSQL's one-byte internal type) reads '\101' as the octal escape of 'A': refused, not read as text
SELECT '\101'::"char" AS c;
