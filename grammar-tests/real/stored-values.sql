-- ordered
-- a real column of a declared collection holds whatever the data has (324.78 as a double, text,
-- an int): it is read as the single PostgreSQL stores (324.779998779296875), -0, the largest
-- single and the smallest subnormal included; NULL and a missing field are NULL
SELECT _id, r, r::float8 AS exact, d, r::float8 = d AS same_as_double, -r AS negated, abs(r) AS magnitude
FROM singles ORDER BY _id;
