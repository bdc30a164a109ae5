-- $ matches only at the very end in PostgreSQL (PCRE's also before a final newline); . and _ match a newline
SELECT _id,
       t ~ 'abc$'           AS re_end,
       t LIKE 'abc'         AS like_exact,
       t LIKE '%one'        AS like_suffix,
       t ~ '^line two'      AS re_start,
       t ~ 'one.line'       AS re_dot_newline,
       t LIKE 'line one_l%' AS like_underscore_newline,
       t ~ 'two\Z'          AS re_z
FROM texts;
