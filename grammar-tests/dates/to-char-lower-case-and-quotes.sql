-- PostgreSQL reads the numeric template patterns in lower case too, and a backslash in quoted text takes the next character
SELECT _id, to_char(ordered_at, 'yyyy-mm-dd hh24:mi:ss') AS lower_case, to_char(ordered_at, 'FMdd/FMmm yy, dy') AS fm_lower,
  to_char(ordered_at, '"Year \"YYYY\"" YYYY') AS escaped, to_char(ordered_at, '\"Q"q"') AS quote_outside
FROM orders ORDER BY _id;
