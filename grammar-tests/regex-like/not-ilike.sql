SELECT _id, note FROM orders WHERE note NOT ILIKE '%gift%';
