-- exact decimal halves that binary doubles cannot represent
SELECT round(2.345, 2), round(1.005, 2), round(-2.675, 2);
