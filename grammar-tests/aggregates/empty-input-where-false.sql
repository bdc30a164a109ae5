SELECT count(*) AS n, sum(quantity) AS q FROM orders WHERE false;
