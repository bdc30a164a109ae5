SELECT _id,
       shipped_on + interval '3 days' AS arrives,
       ordered_at - interval '1 hours' AS hour_before,
       (shipped_on::date - ordered_at::date)::bigint AS days_to_ship,
       ((extract(year FROM shipped_on) - 2023) * 12 + extract(month FROM shipped_on) - 1)::bigint AS months_in,
       date_trunc('month', ordered_at) AS month,
       extract(year FROM ordered_at) AS y
FROM orders WHERE shipped_on IS NOT NULL;
