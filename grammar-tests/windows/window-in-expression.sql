SELECT _id, amount, round(amount * 100.0 / sum(amount) OVER (PARTITION BY status), 2) AS pct, amount - lag(amount) OVER (ORDER BY _id) AS delta FROM orders WHERE amount > 0;
