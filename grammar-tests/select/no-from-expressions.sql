SELECT 1 + 2, 'a' || 'b', lower('ABC'), 10 / 4, 2 > 1;
