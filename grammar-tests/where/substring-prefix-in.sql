-- TPC-H q22's `substring(c_phone from 1 for 2) IN (…)`: prefix-tests-as-like.ts makes it
-- `LIKE 'ab%' OR …` (a $regex query). Multi-byte and astral characters count as one each
-- ('ǅe', 'em' of 'emoji 😀', 'ΣΊ'), a missing t (14) is NULL and fails, 'Łó' twice in the
-- list, a newline in the prefix ('ab' of 'abc\n' is just 'ab'), case matters ('és' ≠ 'ÉC').
SELECT _id, t
FROM texts
WHERE substring(t from 1 for 2) IN ('ǅe', 'em', 'ΣΊ', 'Łó', 'Łó', 'ab', 'éc')
   OR left(t, 3) = 'st'
   OR left(t, 4) = 'İsta'
   OR substr(t, 1, 1) IN ('x', 'N')
ORDER BY _id;
