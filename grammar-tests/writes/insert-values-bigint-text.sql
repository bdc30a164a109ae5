-- ordered
-- a bigint constant in one row makes the VALUES column bigint: the quoted values of the other rows are read as bigint too,
-- and a quoted bigint beside a bigint column is compared as one
CREATE TABLE big_ids (id bigint, ref bigint);
INSERT INTO big_ids VALUES ('  123 ', '4567890123456789'), ('4567890123456789', 7), (+4567890123456789, -4567890123456789);
SELECT id, ref, id = '4567890123456789' AS is_big FROM big_ids WHERE ref <> '4567890123456789' OR ref IS NULL ORDER BY id, ref;
