-- error at 3:29
-- pg_input_is_valid for a type try_cast does not read (real) is refused at the type
SELECT pg_input_is_valid(t, 'real') FROM texts;
