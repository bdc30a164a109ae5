-- an INNER equi-join without other conditions: NULL and missing keys on either side match nothing (the plain $lookup form)
SELECT o._id, d._id AS other FROM orders o JOIN orders d ON d.discount = o.discount;
