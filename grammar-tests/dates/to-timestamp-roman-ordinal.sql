-- to_timestamp(text, template) with the year written with a comma (Y,YYY: `1,5` is
-- 1005), Roman months in any case (RM, rm, FMRM) and the TH/th suffix, which skips two
-- characters and makes the field before it take all its digits
SELECT to_timestamp('1,582nd viii 21', 'Y,YYYth FMRM DD') AS gregorian,
       to_timestamp('2,024 XII 01', 'Y,YYY RM DD') AS december,
       to_timestamp('1,5 I 01', 'Y,YYY RM DD') AS short_thousands,
       to_timestamp('2024 x 01', 'YYYY rm DD') AS lower_roman,
       to_timestamp('2024 03rd 01', 'YYYY MMth DD') AS ordinal_month,
       to_timestamp('2024 3rd01', 'YYYY MMthDD') AS ordinal_packed,
       to_timestamp('2024-03-01', 'YYYYth-MM-DD') AS ordinal_skips_separator,
       to_timestamp(NULL, 'Y,YYY RM DD') AS nothing;
