SELECT e._id AS eid, c._id AS cid, e.type FROM events e FULL OUTER JOIN customers c ON e.user_id = c._id;
