SELECT _id, payload->'ref' AS ref, payload->'items' AS items, payload->'device'->'mobile' AS mobile FROM events;
