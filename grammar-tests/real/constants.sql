-- real constants are the nearest single (PostgreSQL's float4in): printed as their shortest decimal,
-- as double precision their exact value; 16777217 is no single, 1e-45 the smallest subnormal
SELECT 1.1::real AS a, 0.1::real AS b, CAST('16777217' AS real) AS c, 16777217::real::float8 AS d,
       1.1::real::float8 AS e, '3.4028235e38'::real AS f, '1e-45'::real AS g, '-0.1'::real AS h,
       ' 2.5 '::real AS i, real '1.17549435e-38' AS j, 0.1::real::float8 AS k, '-0'::real AS l;
