SELECT _id, ordered_at, shipped_on FROM orders WHERE shipped_on > ordered_at + INTERVAL '2 days';
