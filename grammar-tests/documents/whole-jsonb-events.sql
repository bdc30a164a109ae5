SELECT _id, payload FROM events;
