SELECT tier, month,
       count(customer_id) FILTER (WHERE status = 'shipped') AS shipped,
       count(customer_id) FILTER (WHERE status = 'pending') AS pending,
       count(customer_id) FILTER (WHERE status = 'cancelled') AS cancelled
FROM (SELECT c.tier, (extract(year FROM o.ordered_at) * 100 + extract(month FROM o.ordered_at))::int AS month, o.status, o.customer_id
      FROM orders o JOIN customers c ON c._id = o.customer_id) AS s
GROUP BY tier, month;
