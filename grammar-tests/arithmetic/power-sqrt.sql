SELECT power(2, 10), power(2.0, -1), sqrt(16), sqrt(2), power(9, 0.5);
