-- leap day, a time part, and NULL all convert; only existing days are read
SELECT _id, day_text::date AS d, day_text::timestamp AS t FROM measures WHERE _id NOT IN (7, 8);
