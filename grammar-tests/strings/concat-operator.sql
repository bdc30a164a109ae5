-- || is NULL when either side is
SELECT _id, first_name || ' ' || last_name AS full_name, 'id:' || _id AS id_text, tier || '' AS t FROM customers;
