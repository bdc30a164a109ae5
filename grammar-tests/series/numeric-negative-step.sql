-- a negative numeric step, in the select list, with an integer stop
SELECT generate_series(2.5, -1, -0.75) AS g;
