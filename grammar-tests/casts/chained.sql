SELECT '12.7'::numeric::int, '12.5'::numeric::int::text, 7 / 2::numeric, 7::float / 2, (7 / 2)::numeric, 3::text || 4::text;
