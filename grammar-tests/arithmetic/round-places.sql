SELECT round(0.125, 2), round(-0.375, 2), round(1234.5678, -2), round(1250, -2), round(-1250, -2), round(2.5, 0);
