SELECT e._id, e.type, c.tier FROM events e JOIN (SELECT _id AS user_id, tier FROM customers) c USING (user_id);
