-- RANGE offsets in whole years and months over dates: 12 months back from a January date is the
-- previous January, and a month back from March 31st is February's last day (the embedded
-- engine's windows used mingo's date arithmetic, which got both wrong)
SELECT _id, shipped_on,
       sum(amount) OVER (ORDER BY shipped_on RANGE BETWEEN INTERVAL '1 year' PRECEDING AND CURRENT ROW) AS last_year,
       sum(amount) OVER (ORDER BY shipped_on RANGE BETWEEN INTERVAL '12 months' PRECEDING AND INTERVAL '1 month' PRECEDING) AS before,
       count(*) OVER (ORDER BY ordered_at RANGE BETWEEN INTERVAL '1 month' PRECEDING AND INTERVAL '1 month' FOLLOWING) AS near
FROM orders WHERE shipped_on IS NOT NULL AND ordered_at IS NOT NULL;
