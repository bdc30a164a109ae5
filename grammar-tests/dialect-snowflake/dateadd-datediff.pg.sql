SELECT _id,
       ordered_at + interval '30 days' AS due,
       ordered_at + interval '2 months' AS later,
       (shipped_on::date - ordered_at::date)::bigint AS days_to_ship,
       (extract(year FROM ordered_at) - 2020)::bigint AS years_since,
       date_trunc('month', ordered_at) AS month
FROM orders WHERE shipped_on IS NOT NULL;
