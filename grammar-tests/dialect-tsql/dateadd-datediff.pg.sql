SELECT _id,
       ordered_at + interval '7 days' AS week_later,
       ordered_at + interval '-1 months' AS month_before,
       (shipped_on::date - ordered_at::date)::bigint AS days_to_ship,
       ((extract(year FROM ordered_at) - 2023) * 12 + extract(month FROM ordered_at) - 1)::bigint AS months_since,
       ((extract(epoch FROM date_trunc('hour', shipped_on::timestamptz)) - extract(epoch FROM date_trunc('hour', ordered_at))) / 3600)::bigint AS hours_to_ship,
       extract(year FROM ordered_at)::int AS y, extract(month FROM ordered_at)::int AS m, extract(quarter FROM ordered_at)::int AS q
FROM orders WHERE ordered_at IS NOT NULL;
