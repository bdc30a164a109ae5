SELECT _id,
       ordered_at + interval '2 weeks' AS two_weeks,
       ordered_at - interval '1 months' AS month_before,
       (shipped_on::date - ordered_at::date)::bigint AS days_to_ship,
       extract(year FROM ordered_at)::int AS y, extract(day FROM ordered_at)::int AS d
FROM orders WHERE ordered_at IS NOT NULL;
