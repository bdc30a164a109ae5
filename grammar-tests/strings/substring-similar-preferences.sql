-- which text SUBSTRING … SIMILAR returns where the split is ambiguous: the first part takes
-- the shortest prefix that lets the rest match, the separated part then the longest text
SELECT substring('abcabc' SIMILAR '%#"b%#"%' ESCAPE '#') AS shortest_prefix,
       substring('aaaa' SIMILAR '#"a%#"a%' ESCAPE '#') AS longest_middle,
       substring('abab' SIMILAR '(ab)*#"(ab)*#"' ESCAPE '#') AS middle_takes_all,
       substring('abcdefg' FROM 'a#"(b_d)#"%' FOR '#') AS bcd,
       substring('xyz' SIMILAR 'x#"%' ESCAPE '#') AS one_separator,
       substring('xyz' SIMILAR 'q#"%#"' ESCAPE '#') AS no_match,
       substring(NULL SIMILAR '#"%#"' ESCAPE '#') AS null_input,
       substring('abc' SIMILAR '#"%#"' ESCAPE NULL) AS null_escape;
