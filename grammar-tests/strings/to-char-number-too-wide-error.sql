-- error at 3:25
-- numeric templates wider than the 15 digits a double holds are refused
SELECT to_char(amount, '999999999999.9999') FROM orders;
