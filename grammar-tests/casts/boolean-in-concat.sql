-- concat/concat_ws print a boolean with its output function (t/f), the cast to text
-- and || print true/false; concat_ws of only NULLs is '' (not NULL)
SELECT _id, concat(true) AS c_const, concat(flag) AS c, concat_ws(',', flag) AS ws, concat_ws(',', '', flag, NULL) AS ws_empty,
       flag::text AS cast_text, flag || '' AS pipes, concat(flag, '/', score, '/', amount) AS mixed
FROM measures;
