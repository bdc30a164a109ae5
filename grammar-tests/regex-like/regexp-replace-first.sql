SELECT _id, regexp_replace(email, '[aeiou]', '*') AS first_vowel FROM customers;
