-- deterministic uses of the current time: every fixture date is in the past
SELECT count(*) FILTER (WHERE registered_at < now()) AS past, count(*) FILTER (WHERE registered_at > now()) AS future,
       count(*) FILTER (WHERE registered_at < current_date) AS before_today,
       bool_and(extract(year FROM now()) >= 2025) AS this_decade, bool_and(current_date > DATE '2024-12-31') AS after
FROM customers;
