SELECT _id, count(*) OVER () AS total, sum(quantity) OVER () AS all_qty, avg(amount) OVER (PARTITION BY status) AS status_avg, min(amount) OVER (PARTITION BY status) AS status_min FROM orders;
