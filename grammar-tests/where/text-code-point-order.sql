-- text comparison is by code point: lowercase and accented letters sort after 'Z'
SELECT _id, last_name FROM customers WHERE last_name > 'M';
