SELECT _id, payload->>'message' AS message, payload->>'message' LIKE '$%' AS dollar FROM events WHERE type = 'error';
