-- the same end anchors in a $match filter
SELECT _id FROM texts WHERE t ~ 'c$' OR t LIKE '%ok' OR t LIKE 'line one';
