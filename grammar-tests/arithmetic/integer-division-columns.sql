SELECT _id, quantity / 2 AS half, quantity / 4 AS quarter, -quantity / 3 AS neg_third FROM orders;
