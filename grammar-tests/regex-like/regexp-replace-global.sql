SELECT _id, regexp_replace(email, '[aeiou]', '*', 'g') AS all_vowels FROM customers;
