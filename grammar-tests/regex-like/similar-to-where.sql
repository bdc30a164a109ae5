-- SIMILAR TO in WHERE (a leading $match), over text with newlines and non-ASCII letters;
-- a NULL never matches, and NOT SIMILAR TO of a NULL is NULL too
SELECT _id, t FROM texts
WHERE t SIMILAR TO '%(é|ö|ü)%' OR t SIMILAR TO 'line%two' OR t NOT SIMILAR TO '[^\n]*[[:alpha:]]';
