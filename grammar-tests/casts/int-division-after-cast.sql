SELECT _id, amount::int / 2 AS half, (amount / 2)::int AS rounded FROM orders;
