-- error at 3:24
-- a double from 1e15 up (or below 1e-4): PostgreSQL prints all its digits (100000000000000000000), MongoDB's text may use an exponent
SELECT key, value FROM jsonb_each_text('{"small": 12.5, "big": 1.5e20}');
