SELECT _id FROM orders WHERE ordered_at < now() - INTERVAL '1 day' AND shipped_on < current_date;
