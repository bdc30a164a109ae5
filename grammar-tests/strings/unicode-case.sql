-- PostgreSQL's case mapping for non-ASCII letters (MongoDB's $toUpper/$toLower change ASCII only)
SELECT _id, upper(t) AS u, lower(t) AS l, initcap(t) AS i FROM texts;
