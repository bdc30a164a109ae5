SELECT min(last_name), max(last_name), min(registered_at), max(registered_at), min(email), max(tier) FROM customers;
