-- a start before 1 still counts characters from the start position
SELECT substring('hello', 0, 3), substring('hello', -1, 4), substring('hello', -5, 3),
       substring('hello' FROM 0 FOR 1), substring('hello', 4, 100), substring('hello' FROM -2), substring('hello', 6);
