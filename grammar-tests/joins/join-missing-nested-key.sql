-- join keys on nested paths; events without the key never match
SELECT e._id, p._id AS pid FROM events e JOIN products p ON p.sku = e.payload->'items'->>0;
