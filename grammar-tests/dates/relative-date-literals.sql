-- 'today', 'tomorrow', 'yesterday' and 'now' as date and timestamp inputs: read when
-- the statement runs (CURRENT_DATE and NOW()), so only their differences and
-- comparisons are fixed; in typed literals, casts and comparisons with a date column
SELECT _id,
       date 'yesterday' - date 'today' AS one_day_back, date 'tomorrow' - date 'yesterday' AS two_days,
       'tomorrow'::date - 'today'::date AS cast_day, date 'now' = current_date AS now_is_today,
       timestamp 'today' = current_date AS midnight, timestamp 'tomorrow' > now() AS tomorrow_later,
       timestamp 'now' = now() AS same_now, extract(hour from timestamp 'yesterday') AS hour_of_yesterday,
       shipped_on < 'today' AS shipped_before_today, ordered_at > 'tomorrow' AS ordered_after_tomorrow
FROM orders;
