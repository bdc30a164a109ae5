-- a quoted offset over a date key is an interval, as in PostgreSQL ('1 year' was read as text:
-- NaN and "1 year" as the range bounds, so every row summed the whole partition).
-- (Month offsets that are whole years are left out: the embedded engine's range window,
-- mingo's own date arithmetic, subtracts 12 months from a January date wrongly.)
SELECT _id, shipped_on, sum(amount) OVER (ORDER BY shipped_on RANGE BETWEEN '2 months' PRECEDING AND '2 months' FOLLOWING) AS s,
       count(*) OVER (ORDER BY ordered_at RANGE BETWEEN '10 days' PRECEDING AND CURRENT ROW) AS n
FROM orders WHERE shipped_on IS NOT NULL AND ordered_at IS NOT NULL;
