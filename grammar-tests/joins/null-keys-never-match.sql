SELECT o._id, d._id AS other FROM orders o JOIN orders d ON d.discount = o.discount AND d._id <> o._id;
