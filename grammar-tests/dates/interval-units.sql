SELECT _id, ts + INTERVAL '2 hours' AS h, ts - INTERVAL '90 minutes' AS m, ts + INTERVAL '2 weeks' AS w,
       ts + INTERVAL '1 year' AS y, ts + INTERVAL '45 seconds' AS s
FROM events;
