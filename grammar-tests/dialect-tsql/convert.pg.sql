SELECT _id, amount::text AS amount_text, quantity::int AS qty, amount::numeric(10, 1) AS rounded FROM orders;
