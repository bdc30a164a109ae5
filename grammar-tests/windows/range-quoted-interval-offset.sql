-- a quoted offset over a date key is an interval, as in PostgreSQL ('1 year' was read as text:
-- NaN and "1 year" as the range bounds, so every row summed the whole partition)
SELECT _id, shipped_on, sum(amount) OVER (ORDER BY shipped_on RANGE BETWEEN '1 year' PRECEDING AND '1 year' FOLLOWING) AS s,
       count(*) OVER (ORDER BY ordered_at RANGE BETWEEN '1 month' PRECEDING AND CURRENT ROW) AS n
FROM orders WHERE shipped_on IS NOT NULL AND ordered_at IS NOT NULL;
