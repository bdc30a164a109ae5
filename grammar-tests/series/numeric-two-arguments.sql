-- a numeric start and an integer stop, the step 1 by default: 1.5, 2.5, 3.5, 4.5
SELECT * FROM generate_series(1.5, 5);
