-- error at 3:57
-- postgres-error
SELECT * FROM regexp_matches('foobarbequebaz', '(bar)', 'gz');
