-- error at 4:33
-- postgres-error
-- two FROM items named o at one level: PostgreSQL's error, not a second o that o.x cannot reach
SELECT o._id FROM orders o JOIN customers o ON o._id = o._id;
