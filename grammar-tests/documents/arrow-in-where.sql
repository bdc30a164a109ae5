SELECT _id, type FROM events WHERE payload->>'page' = '/home' OR payload #>> '{ref,source}' = 'ads';
