SELECT _id, note FROM orders WHERE note !~* 'gift|off';
