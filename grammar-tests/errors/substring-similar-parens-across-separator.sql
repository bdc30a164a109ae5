-- error at 3:31
-- parentheses that span an escape-double-quote separator: the parts do not stand alone (refused, not guessed)
SELECT substring(name SIMILAR '(a#"b)#"%' ESCAPE '#') AS s FROM products;
