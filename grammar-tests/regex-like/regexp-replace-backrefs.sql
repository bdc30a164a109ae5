SELECT _id, regexp_replace(email, '^([^@]+)@(.+)$', '\2 at \1') AS swapped FROM customers;
