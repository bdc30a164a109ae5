-- Flights: departure punctuality. The same text runs on sqletl and PostgreSQL.

-- query: by_origin_hour — first-half-2024 departures over 200 miles, per origin airport and scheduled hour.
SELECT
  origin,
  EXTRACT(HOUR FROM sched_dep)                          AS hour,
  COUNT(*)                                              AS flights,
  COUNT(*) FILTER (WHERE dep_delay > 15)                AS delayed,
  COUNT(*) FILTER (WHERE cancelled)                     AS cancelled,
  ROUND(AVG(dep_delay), 1)                              AS avg_dep_delay,
  MAX(arr_delay)                                        AS worst_arrival
FROM flights
WHERE sched_dep >= DATE '2024-01-01' AND sched_dep < DATE '2024-07-01' AND distance > 200
GROUP BY origin, EXTRACT(HOUR FROM sched_dep)
HAVING COUNT(*) >= 5
ORDER BY origin, hour;

-- query: by_carrier_month — on-time performance per carrier and month at the busiest hubs.
SELECT
  carrier,
  DATE_TRUNC('month', sched_dep)                        AS month,
  COUNT(*)                                              AS flights,
  COUNT(*) FILTER (WHERE cancelled)                     AS cancelled,
  ROUND(100.0 * COUNT(*) FILTER (WHERE arr_delay <= 15) / COUNT(*), 1) AS on_time_pct,
  ROUND(AVG(arr_delay), 1)                              AS avg_arr_delay,
  SUM(CASE WHEN dep_delay > 60 THEN 1 ELSE 0 END)       AS long_delays
FROM flights
WHERE origin IN ('ATL', 'ORD', 'DFW', 'DEN', 'LAX', 'JFK')
GROUP BY carrier, DATE_TRUNC('month', sched_dep)
ORDER BY carrier, month;

-- query: daily_moving_avg — per origin and day (cancelled flights left out): flights, average departure delay and their 7-day moving figures (window functions over a grouped CTE).
WITH daily AS (
  SELECT
    origin,
    DATE_TRUNC('day', sched_dep)                        AS day,
    COUNT(*)                                            AS flights,
    AVG(dep_delay)                                      AS avg_delay
  FROM flights
  WHERE NOT cancelled
  GROUP BY origin, DATE_TRUNC('day', sched_dep)
)
SELECT
  origin,
  day,
  flights,
  ROUND(avg_delay, 2)                                   AS avg_delay,
  ROUND(AVG(avg_delay) OVER w, 2)                       AS delay_7d,
  SUM(flights) OVER w                                   AS flights_7d
FROM daily
WINDOW w AS (PARTITION BY origin ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
ORDER BY origin, day;

-- query: by_region — long-haul departures joined to their origin airport, per region and carrier (HNL is not in airports: the inner join drops its flights).
SELECT
  a.region,
  f.carrier,
  COUNT(*)                                              AS flights,
  COUNT(*) FILTER (WHERE a.hub)                         AS from_hubs,
  ROUND(AVG(f.dep_delay), 1)                            AS avg_dep_delay,
  MAX(f.distance)                                       AS longest
FROM flights f
JOIN airports a ON a.code = f.origin
WHERE f.distance > 1000
GROUP BY a.region, f.carrier
ORDER BY a.region, f.carrier;
