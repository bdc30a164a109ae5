-- E'' escapes and dollar-quoted strings (which start with $ but are plain text)
SELECT E'tab\there' AS e, 'back\slash' AS b, $$5 off$$ AS dq, $tag$it's $5$tag$ AS tagged, length(E'a\nb') AS n;
