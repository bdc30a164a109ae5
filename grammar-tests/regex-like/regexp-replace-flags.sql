SELECT _id, regexp_replace(last_name, 's', 'z', 'gi') AS zz, regexp_replace(last_name, '(.)\1', '<\1\1>', 'g') AS doubles
FROM customers;
