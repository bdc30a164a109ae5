SELECT active, count(*), sum(stock) FROM products GROUP BY active;
