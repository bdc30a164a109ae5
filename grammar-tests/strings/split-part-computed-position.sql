-- split_part with a computed field position (negative counts from the end, past the fields is ''),
-- an empty delimiter (the text is one field) and NULLs
SELECT _id, t,
       split_part(t, ' ', (_id % 3) + 1) AS by_id,
       split_part(t, ' ', -(_id % 2) - 1) AS from_end,
       split_part(t, '', 1) AS empty_delimiter,
       split_part(t, ' ', CASE WHEN _id > 100 THEN 1 END) AS null_position
FROM texts;
