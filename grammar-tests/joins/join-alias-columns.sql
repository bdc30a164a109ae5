-- a join alias without column aliases: j.* and j.column, over declared tables
SELECT j.first_name, j.amount, j.*
FROM (customers c JOIN orders o ON o.customer_id = c._id AND o._id < 104) AS j (cid);
