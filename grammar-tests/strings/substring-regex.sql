-- SUBSTRING(s FROM pattern): the first parenthesized group's match, or the whole match; NULL without one
SELECT _id, t,
       substring(t FROM '[0-9]+') AS digits,
       substring(t FROM '(\w+)@') AS user_part,
       substring(t FROM 'a(x)?') AS optional_group,
       SUBSTRING('abcdefg' FROM 'b(.*)f') AS constant_group,
       substring(t, 2, 3) AS by_position
FROM texts;
