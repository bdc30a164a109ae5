-- backslash escapes % and _ ; ESCAPE chooses another escape character
SELECT _id, note, note LIKE '%\%%' AS percent, note LIKE '%\_%' AS underscore, note LIKE '%!%%' ESCAPE '!' AS bang
FROM orders;
