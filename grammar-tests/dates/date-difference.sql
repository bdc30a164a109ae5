SELECT _id, shipped_on - ordered_at::date AS days FROM orders;
