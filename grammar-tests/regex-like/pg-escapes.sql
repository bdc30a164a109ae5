-- PostgreSQL-only escapes and syntax, translated for PCRE and JavaScript alike
SELECT _id,
       t ~ '\u00e9'            AS u_escape,
       t ~ '\xE9l'             AS x_escape,
       t ~ '\mcaf'             AS word_start,
       t ~ 'ok\M'              AS word_end,
       t ~ 'a\yb'              AS no_boundary_ab,
       t ~ '(?i)ÉLAN'          AS embedded_i,
       t ~ '***=3.5°'          AS literal_director,
       t ~ '[[:<:]]one'        AS bracket_word_start,
       t ~ '(l)ine one\n\1'    AS back_reference,
       t ~ '😀+'               AS astral
FROM texts;
