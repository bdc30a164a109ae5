SELECT o._id, p.sku FROM orders o JOIN products p ON o.amount BETWEEN p.price - 5 AND p.price + 5;
