-- ILIKE with non-ASCII letters as a $match filter
SELECT _id FROM texts WHERE t ILIKE '%ÖRG%' OR t ILIKE 'nguyễn%' OR t ~* 'ωΜΈΓΑ';
