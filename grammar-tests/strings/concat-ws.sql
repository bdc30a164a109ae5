SELECT _id, concat_ws(' / ', first_name, last_name, tier) AS joined FROM customers;
