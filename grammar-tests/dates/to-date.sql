-- TO_DATE with numeric formats, read as PostgreSQL reads them: leading blanks skipped,
-- any separator matches, a field before a separator takes all its digits, trailing text ignored
SELECT s,
       CASE
         WHEN s ~ '^\s*\d{1,2}[/-]' THEN to_date(s, 'MM/DD/YYYY')
         WHEN s ~ '^\d{8}$' THEN to_date(s, 'YYYYMMDD')
         WHEN s ~ '^\d{1,2}\.' THEN to_date(s, 'DD.MM.YYYY')
         ELSE to_date(s, 'YYYY-MM-DD')
       END AS d,
       to_date(NULL, 'YYYY-MM-DD') AS null_date
FROM (VALUES ('4/1/2023'), (' 12/31/1999'), ('04/01/2023 junk'), ('2/29/2024'), ('20230105'),
             ('5.1.2023'), ('2023-1-5'), ('2023/01/05'), ('1-2-2023'), (NULL)) AS v(s);
