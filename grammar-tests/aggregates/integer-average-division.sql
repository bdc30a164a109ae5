-- sum(int) / count(*) is integer division; avg(int) is not
SELECT avg(quantity), sum(quantity) / count(quantity) AS int_mean FROM orders;
