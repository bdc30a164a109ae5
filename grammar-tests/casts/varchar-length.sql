-- an explicit cast to varchar(n) cuts the text to n characters (constants, columns, numbers, NULL)
SELECT _id, first_name::varchar(3) AS short, CAST(email AS varchar(5)) AS e, 'abcdef'::varchar(3) AS c,
       _id::varchar(1) AS digit, note_or_null::varchar(2) AS n
FROM (SELECT _id, first_name, email, NULL::text AS note_or_null FROM customers) AS c;
