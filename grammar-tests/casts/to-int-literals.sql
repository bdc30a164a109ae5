-- numeric literals round half away from zero; float8 → int rounds half to even
SELECT 2.5::int, (-2.5)::int, 0.5::int, 1.5::int, (-0.5)::int, 2.5::float8::int, 3.5::float8::int, '42'::int, '-3'::integer;
