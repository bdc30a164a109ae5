-- SIMILAR TO / NOT SIMILAR TO: PostgreSQL's SQL regular expressions (anchored at both ends;
-- % _ | * + ? {m,n} ( ) [ ] with their meaning; . ^ $ literal), in the select list
SELECT name,
       name SIMILAR TO '%(Lamp|lamp|Cap)%' AS lamp_or_cap,
       name SIMILAR TO '[A-Z][a-z]+ \(%\)' AS word_then_parens,
       name NOT SIMILAR TO '[A-M]%' AS not_a_to_m,
       sku SIMILAR TO '[A-Z]-[0-9]{3}' AS sku_shape,
       sku SIMILAR TO '(W|G)-(10|40)_' AS w_or_g,
       name SIMILAR TO 'a.b.c%' AS dots_literal,
       name SIMILAR TO '%$9%' AS dollar_literal,
       name SIMILAR TO '%^%' AS caret_literal,
       name SIMILAR TO 'Star*Light' AS star_repeats,
       name SIMILAR TO '%s?' AS optional_s,
       name SIMILAR TO 'Widget%' AS widget_prefix
FROM products;
