-- error
-- postgres-error
-- at most two escape-double-quote separators (PostgreSQL's own error)
SELECT substring(name SIMILAR 'a#"b#"c#"' ESCAPE '#') AS s FROM products;
