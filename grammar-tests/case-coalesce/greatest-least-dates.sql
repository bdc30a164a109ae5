SELECT _id, greatest(ordered_at, TIMESTAMPTZ '2024-01-01 00:00:00+00') AS g, least(shipped_on, DATE '2024-01-01') AS l FROM orders;
