-- a case-mapped non-ASCII string compared and matched
SELECT _id FROM texts WHERE upper(t) LIKE 'ANDRÉ%' OR lower(t) = 'straße' OR upper(t) = 'ПРИВЕТ МИР, ЁЛКА' OR initcap(lower(t)) LIKE 'Łódź%';
