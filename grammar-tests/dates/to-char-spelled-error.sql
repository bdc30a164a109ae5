-- error at 3:43
-- the SP suffix (numbers spelled out) is refused at its position, never copied as text
SELECT to_char(timestamp '2024-01-01', 'DDSP') AS d;
