SELECT _id, payload #>> '{ref,source}' AS source, payload #>> '{device,os}' AS os, payload #>> '{page}' AS page FROM events;
