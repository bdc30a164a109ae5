-- error at 2:12
SELECT sum(count(*)) FROM orders;
