SELECT _id, to_char(ts, 'DD/MM/YYYY') AS dmy, to_char(ts, 'YYYY-MM-DD HH24:MI') AS dt, to_char(ts, 'Mon DD, YYYY') AS pretty,
       to_char(ts, 'YYYYMMDD') AS compact, to_char(ts, 'MM/YYYY') AS my
FROM events;
