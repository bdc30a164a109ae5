-- the whole row of a subquery whose columns have no names (?column?) is its record text, as PostgreSQL prints it
SELECT foo, bar FROM (SELECT 1) foo, (SELECT 2, NULL::int, 'a b', '') bar;
