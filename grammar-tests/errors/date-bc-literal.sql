-- error at 3:21
-- a BC date is refused by name (PostgreSQL reads it; it is not invalid input)
SELECT to_char(DATE '0044-03-15 BC', 'YYYY-MM-DD BC') AS ides;
