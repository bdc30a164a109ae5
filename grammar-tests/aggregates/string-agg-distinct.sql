-- string_agg(DISTINCT x, sep [ORDER BY x [DESC]]): duplicates once, NULLs skipped, ascending
-- without ORDER BY (PostgreSQL sorts to find them), a group of only NULLs is NULL; FILTER
SELECT status, string_agg(DISTINCT note, ', ') AS notes, string_agg(DISTINCT status, '|' ORDER BY status DESC) AS s_desc,
  string_agg(DISTINCT quantity::text, '-' ORDER BY quantity::text) AS qs, string_agg(DISTINCT note, NULL) AS no_sep,
  string_agg(DISTINCT customer_id::text, ',') FILTER (WHERE quantity > 1) AS big_customers
FROM orders GROUP BY status;
