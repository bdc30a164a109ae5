SELECT trim(both 'x' FROM 'xxhixx') AS b, trim(leading '0' FROM '000120') AS l, trim(trailing '!' FROM 'hey!!') AS t,
       btrim('--a-b--', '-') AS bt, ltrim('abcabc-x', 'abc') AS lt, rtrim('x.,;', ',.;') AS rt;
