-- ILIKE and ~* over non-ASCII letters (pairs that PostgreSQL and PCRE's Unicode folding agree on)
SELECT _id,
       t ILIKE '%CAFÉ%'          AS cafe,
       t ILIKE 'andré%'          AS andre,
       t ~* 'ПРИВЕТ МИР'         AS privet,
       t ~* '^łódź'              AS lodz,
       t ILIKE '%ÉLAN%'          AS elan,
       t ~* 'æsir'               AS aesir
FROM texts;
