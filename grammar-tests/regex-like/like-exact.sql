SELECT _id FROM orders WHERE note LIKE 'gift' OR note ILIKE 'gift';
