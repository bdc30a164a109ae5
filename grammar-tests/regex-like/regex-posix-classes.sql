-- POSIX bracket classes (PCRE reads them, JavaScript does not: spelled out as ASCII sets)
SELECT _id,
       name ~ '^[[:alpha:][:space:]()]+$'                     AS words_only,
       regexp_replace(name, '[[:punct:][:space:]]', '', 'g')  AS squeezed,
       regexp_replace(sku, '[^[:alnum:]]', '', 'g')           AS code,
       name ~ '[[:digit:]]'                                   AS has_digit,
       name ~ '[]+]'                                          AS bracket_or_plus,
       regexp_replace(name, '[[:upper:]]', '_', 'g')          AS no_caps
FROM products;
