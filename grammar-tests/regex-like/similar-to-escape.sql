-- SIMILAR TO … ESCAPE: the escape character makes the next character literal; the default
-- escape is a backslash; an empty ESCAPE has none (so a backslash is a literal character)
SELECT name,
       name SIMILAR TO '%#%%' ESCAPE '#' AS has_percent,
       name SIMILAR TO '%\_%' AS has_underscore,
       name SIMILAR TO '%!*%' ESCAPE '!' AS has_star,
       name SIMILAR TO '%#|%' ESCAPE '#' AS has_bar,
       name SIMILAR TO '%\\%' AS has_backslash,
       name SIMILAR TO '%\%' ESCAPE '' AS backslash_no_escape,
       name SIMILAR TO '#[%#]%' ESCAPE '#' AS bracketed,
       name SIMILAR TO '%#{1,3#}%' ESCAPE '#' AS braces_literal,
       name SIMILAR TO '%?' ESCAPE NULL AS null_escape
FROM products;
