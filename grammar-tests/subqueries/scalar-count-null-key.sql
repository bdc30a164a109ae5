-- A correlated COUNT decorrelated by key: 0 (not NULL) where nothing matches, and for a NULL key;
-- MAX over no rows is NULL; a second correlation (the type) stays a residual.
SELECT o._id,
       (SELECT count(*) FROM events e WHERE e.user_id = o.customer_id) AS n_events,
       (SELECT max(e.duration_ms) FROM events e WHERE o.customer_id = e.user_id AND e.type <> o.status) AS longest
FROM orders o;
