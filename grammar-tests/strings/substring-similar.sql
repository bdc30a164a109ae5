-- SUBSTRING(x SIMILAR pattern ESCAPE e) and SUBSTRING(x FROM pattern FOR e): the text between
-- the escape-double-quote separators, the part before them matching as little as it can and
-- the separated part as much as it can; the whole string without separators; NULL without a match
SELECT name,
       substring(name SIMILAR '%#"g_d%#"%' ESCAPE '#') AS from_gad,
       substring(name FROM '%#"[0-9]+#"%' FOR '#') AS digits,
       substring(name SIMILAR '#"%#" %' ESCAPE '#') AS first_word,
       substring(name SIMILAR '% #"%' ESCAPE '#') AS after_first_blank,
       substring(name SIMILAR 'W%' ESCAPE '#') AS whole_if_w,
       substring(name SIMILAR '%#"(a|e|i|o|u)+#"%' ESCAPE '#') AS vowels,
       substring(sku SIMILAR '#"_#"-%' ESCAPE '#') AS sku_letter
FROM products;
