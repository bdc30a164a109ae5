-- to_char of integers through more digit positions than any integer sqletl holds (and than
-- bigint's 19): the extra positions are blanks or zeros, the fraction zeros; NULLs, zero,
-- negatives, the largest exact integer 2^53 − 1
SELECT _id,
       to_char(quantity::bigint * 100000000000000, '9G999G999G999G999G999D999G999') AS grouped,
       to_char(-quantity::bigint * 100000000000000, '9999999999999999999999.999PR') AS pr,
       to_char(quantity::bigint - 2, 'FM0000000000000000000000.00th') AS zeros,
       to_char(quantity, 'S 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 . 9') AS spaced,
       to_char(CASE WHEN quantity > 3 THEN 9007199254740991 ELSE -9007199254740991 END, 'FM9999999999999999999.999') AS extreme
FROM orders;
