SELECT _id, name ~ '\d' AS has_digit, name ~* '^w' AS w, name ~ '[(){}\[\]]' AS brackets, name !~ ' ' AS one_word FROM products;
