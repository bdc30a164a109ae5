-- the sign templates: S before and after the digits, PL, MI, SG, PR (angle brackets
-- for negatives, blanks for positives, nothing with FM), L (the C locale's blank
-- currency), and the sign's place when leading zeros are printed
SELECT x,
       to_char(x, 'S999.9') AS s_pre,
       to_char(x, '999.9S') AS s_post,
       to_char(x, 'FMS999.9') AS fm_s,
       to_char(x, 'PL999') AS pl,
       to_char(x, '999MI') AS mi,
       to_char(x, 'FM999MI') AS fm_mi,
       to_char(x, 'SG999') AS sg,
       to_char(x, '999PR') AS pr,
       to_char(x, 'FM999.99PR') AS fm_pr,
       to_char(x, 'L999.99') AS currency,
       to_char(x, '0009') AS lead_zeros,
       to_char(x, '9099') AS mid_zero
FROM (VALUES (0::numeric), (7), (-7), (12.34), (-12.34), (-0.04), (0.4), (999.9), (-1000), (NULL)) AS v(x);
