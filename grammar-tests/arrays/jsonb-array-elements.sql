SELECT e._id, i.value FROM events e, jsonb_array_elements_text(e.payload->'items') AS i(value);
