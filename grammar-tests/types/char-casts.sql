-- casts to character(n) cut to n characters and pad; char alone is character(1); back to text
-- or varchar the trailing blanks go; numbers, booleans and dates print first
SELECT 'abcdef'::char(3) AS cut, 'ab'::char(4) AS padded, 'ab'::char(4) || '|' AS cat,
       'xyz'::char AS one, CAST('xyz' AS character) AS one_b, 'ab'::character(3) AS c3, 'ab'::bpchar(3) AS b3,
       12::char(3) AS num, 12345::char(3) AS num_cut, 1.5::char(5) AS dec, true::char(5) AS bool,
       DATE '2024-01-31'::char(12) AS d, CAST(NULL AS char(2)) AS nul, ''::char(2) AS empty,
       'ab'::char(4)::text || '|' AS to_text, 'ab'::char(4)::varchar(10) || '|' AS to_varchar,
       'abc  '::char(3) AS blanks_cut, '  a'::char(4) AS lead, 'ab'::char(4)::char(1) AS recast,
       'c'::char = 'c'::char AS same;
