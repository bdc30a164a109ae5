-- error at 3:46
-- the quoted literal is read as the other branch's type, and 'n/a' is no integer: PostgreSQL's error, at the literal
SELECT quantity FROM orders UNION ALL SELECT 'n/a';
