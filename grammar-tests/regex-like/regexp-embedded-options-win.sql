-- a pattern's embedded (?c)/(?i) wins over the flags i and c, as in PostgreSQL
SELECT _id, regexp_replace(last_name, '(?c)S', '#', 'gi') AS c_wins, regexp_replace(last_name, '(?i)S', '#', 'gc') AS i_wins,
  regexp_split_to_array(last_name, '(?c)O', 'i') AS split_c_wins
FROM customers;
