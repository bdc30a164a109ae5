SELECT _id, note FROM orders WHERE note = '$5 off';
