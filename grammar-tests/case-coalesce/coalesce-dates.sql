SELECT _id, coalesce(shipped_on::timestamptz, ordered_at) AS when_ FROM orders;
