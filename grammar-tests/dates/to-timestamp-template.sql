-- to_timestamp(text, template) read as PostgreSQL reads templates: fields side by side
-- take their width, a field before a separator or a name takes all its digits, names in
-- any case, quoted text skips characters, YY/YYY/Y move next to 2020, the 12-hour clock
-- with AM/PM, MS fractions, input that ends early, trailing text ignored, NULL
SELECT s,
       CASE
         WHEN s ~ '^\d{7,8}$' THEN to_timestamp(s, 'YYYYMMDD')
         WHEN s ~ '^\d{2}-' THEN to_timestamp(s, 'YY-MMDD')
         WHEN s ~ '^\d{3}-' THEN to_timestamp(s, 'YYY-MMDD')
         WHEN s ~ '^\d-' THEN to_timestamp(s, 'Y-MMDD')
         WHEN s ~* '[ap]\.?m' THEN to_timestamp(s, 'YYYY-MM-DD HH12:MI:SS am')
         WHEN s ~ '[A-Za-z]{3}' THEN to_timestamp(s, 'YYYY/Mon/DD --> HH:MI:SS')
         ELSE to_timestamp(s, 'YYYY-MM-DD HH24:MI:SS.MS')
       END AS ts
FROM (VALUES ('19971116'), ('1997111'), ('95-1116'), ('05-1116'), ('69-1116'), ('70-1116'), ('995-1116'), ('519-1116'),
             ('9-1116'), ('2024-02-29 12:00:00 am'), ('2024-02-29 12:30:05 PM'), ('2024-02-29 1:30:05 pm'),
             ('1997/feb/16 --> 08:14:30'), ('2000/DEC/31 --> 12:59:59'), ('2023-05-01 1:2:3.5'), ('2023-05-01 01:02:03.05'),
             ('2023-05-01 23:59:59.999'), ('2023-05'), ('  2023-1-2'), ('2023-12-31 00:00:00.000 x'), ('2023-12-31 00:00:00'), (NULL)) AS v(s);
