-- error
-- the SQL regular-expression form (SIMILAR TO patterns with an escape) is not computed
SELECT SUBSTRING('abcdefg' FROM 'a#"(b_d)#"%' FOR '#') AS bcd;
